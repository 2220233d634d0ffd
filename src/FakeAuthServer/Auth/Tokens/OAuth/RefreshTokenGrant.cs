namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>grant_type=refresh_token (RFC 6749 §6): rotates the refresh token; scope may only narrow.</summary>
internal sealed class RefreshTokenGrant(TokenIssuer issuer)
{
    public async ValueTask<GrantResult> HandleAsync(string clientId, OAuthParameters p, CancellationToken ct)
    {
        if (p["refresh_token"] is not { } token) return GrantResult.Fail(OAuthError.InvalidRequest, "refresh_token is required.");
        var requested = Scopes.Parse(p["scope"]);
        if (requested is null) return GrantResult.Fail(OAuthError.InvalidScope, "scope is malformed.");

        var outcome = await issuer.RefreshAsync(token, grant =>
        {
            if (grant.ClientId != clientId) return (null, RefreshFailure.WrongClient);
            if (requested.Count == 0) return (grant, RefreshFailure.None);
            return Scopes.AllIn(requested, grant.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                ? (grant with { Scope = Scopes.Join(requested) }, RefreshFailure.None)
                : (null, RefreshFailure.InvalidScope);
        }, ct);
        if (outcome.Response is { } response) return response;

        return outcome.Failure switch
        {
            RefreshFailure.InvalidScope => GrantResult.Fail(OAuthError.InvalidScope, "scope may only narrow the original grant."),
            RefreshFailure.Reused => GrantResult.Fail(OAuthError.InvalidGrant,
                "The refresh token was already used; every token of this grant is revoked."),
            RefreshFailure.WrongClient => GrantResult.Fail(OAuthError.InvalidGrant, "The refresh token was issued to another client."),
            _ => GrantResult.Fail(OAuthError.InvalidGrant, "The refresh token is unknown or expired."),
        };
    }
}
