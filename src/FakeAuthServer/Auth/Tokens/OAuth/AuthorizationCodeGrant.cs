namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>
/// grant_type=authorization_code (RFC 6749 §4.1.3, RFC 7636 §4.6). The code is spent on first presentation, whatever
/// follows; a second presentation revokes every token issued from it (§4.1.2).
/// </summary>
internal sealed class AuthorizationCodeGrant(ITokenStore store, TokenIssuer issuer, Oidc.JwtTokens jwts)
{
    public async ValueTask<GrantResult> HandleAsync(string clientId, OAuthParameters p, CancellationToken ct)
    {
        if (p["code"] is not { } code) return GrantResult.Fail(OAuthError.InvalidRequest, "code is required.");
        if (p["code_verifier"] is not { } verifier) return GrantResult.Fail(OAuthError.InvalidRequest, "code_verifier is required.");

        var redemption = await store.RedeemAsync(TokenKind.AuthorizationCode, code, ct);
        if (redemption is not { } used) return GrantResult.Fail(OAuthError.InvalidGrant, "The code is unknown or expired.");
        if (!used.FirstUse)
        {
            await store.RevokeFamilyAsync(used.Token.Grant.Family, ct);
            return GrantResult.Fail(OAuthError.InvalidGrant, "The code was already used; the tokens issued for it are revoked.");
        }

        var grant = used.Token.Grant;
        var binding = used.Token.Code!;
        if (grant.ClientId != clientId) return GrantResult.Fail(OAuthError.InvalidGrant, "The code was issued to another client.");
        var redirect = p["redirect_uri"];
        if ((binding.RedirectUriWasSent || redirect is not null) && redirect != binding.RedirectUri)
            return GrantResult.Fail(OAuthError.InvalidGrant, "redirect_uri differs from the one the code was issued for.");
        if (!Pkce.Verify(verifier, binding.CodeChallenge))
            return GrantResult.Fail(OAuthError.InvalidGrant, "code_verifier does not match the code_challenge.");

        var response = await issuer.IssueAsync(grant, withRefreshToken: true, ct);
        // OpenID Connect: the scope asked for openid, so the user's identity comes back as an id_token too.
        return grant.Scope.Split(' ').Contains(Scopes.OpenId)
            ? response with { IdToken = jwts.IdToken(grant, binding.Nonce, binding.AuthTime ?? used.Token.IssuedAt, response.AccessToken) }
            : response;
    }
}
