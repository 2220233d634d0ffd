namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>grant_type=client_credentials (RFC 6749 §4.4): a confidential client acting for itself; no refresh token (§4.4.3).</summary>
internal sealed class ClientCredentialsGrant(TokenIssuer issuer)
{
    public async ValueTask<GrantResult> HandleAsync(string clientId, OAuthClient client, OAuthParameters p, CancellationToken ct)
    {
        if (!client.IsConfidential)
            return GrantResult.Fail(OAuthError.UnauthorizedClient, "Only confidential clients may use client_credentials.");
        var scopes = Scopes.Parse(p["scope"]);
        if (scopes is null || !Scopes.AllIn(scopes, client.Scopes))
            return GrantResult.Fail(OAuthError.InvalidScope, "The scope is malformed or not allowed for this client.");
        if (scopes.Count == 0) scopes = client.Scopes;

        var grant = new TokenGrant(Username: null, clientId, Scopes.Join(scopes), TokenIssuer.NewFamily());
        return await issuer.IssueAsync(grant, withRefreshToken: false, ct);
    }
}
