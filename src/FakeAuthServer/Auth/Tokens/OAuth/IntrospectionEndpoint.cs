namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>
/// POST /oauth/introspect (RFC 7662): a confidential client (the API) asks whether a token is live and what it stands
/// for. Unknown, expired, revoked or spent tokens are just {"active": false}, as §2.2 asks.
/// </summary>
internal static class IntrospectionEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, ClientAuthentication clients, AccessTokens accessTokens,
        ITokenStore store, Oidc.JwtTokens jwts)
    {
        var (form, formError) = await OAuthForm.ReadAsync(context);
        if (formError is not null) return formError;
        var (_, client, error) = clients.Authenticate(context, form!);
        if (error is not null) return error;
        if (!client!.IsConfidential) return OAuthError.Client(context, "Introspection is for confidential clients (an API with a secret).");
        if (form!["token"] is not { } value) return OAuthError.Of(OAuthError.InvalidRequest, "token is required.");

        var ct = context.RequestAborted;
        var (token, type) = form["token_type_hint"] == "refresh_token"
            ? (await store.FindAsync(TokenKind.Refresh, value, ct), "refresh_token")
            : (await accessTokens.FindAsync(value, ct), "access_token");
        if (token is null && type == "access_token" && TokenValues.HasPlausibleShape(value))
            (token, type) = (await store.FindAsync(TokenKind.Refresh, value, ct), "refresh_token");
        if (token is null) return NoStore.Wrap(Results.Json(new { active = false }));

        var grant = token.Grant;
        return NoStore.Wrap(Results.Json(new Dictionary<string, object?>
        {
            ["active"] = true,
            ["scope"] = grant.Scope,
            ["client_id"] = grant.ClientId,
            ["username"] = grant.Username,
            ["sub"] = grant.Username ?? grant.ClientId,
            ["token_type"] = type == "access_token" ? "Bearer" : "refresh_token",
            ["exp"] = token.ExpiresAt.ToUnixTimeSeconds(),
            ["iat"] = token.IssuedAt.ToUnixTimeSeconds(),
            ["iss"] = jwts.Issuer,
        }.Where(p => p.Value is not null).ToDictionary()));
    }
}
