namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>
/// POST /oauth/token (RFC 6749 §3.2): a form-urlencoded grant for tokens. Every failure is §5.2 error JSON,
/// malformed bodies included.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, ClientAuthentication clients,
        AuthorizationCodeGrant codeGrant, RefreshTokenGrant refreshGrant, ClientCredentialsGrant credentialsGrant)
    {
        var (form, formError) = await OAuthForm.ReadAsync(context);
        if (formError is not null) return formError;
        var p = form!;
        var grantType = p["grant_type"];
        if (grantType is null) return OAuthError.Of(OAuthError.InvalidRequest, "grant_type is required.");
        if (grantType is not ("authorization_code" or "refresh_token" or "client_credentials"))
            return OAuthError.Of(OAuthError.UnsupportedGrantType,
                "Supported grant types: authorization_code, refresh_token, client_credentials.");

        var (clientId, client, error) = clients.Authenticate(context, p);
        if (error is not null) return error;

        var ct = context.RequestAborted;
        var result = grantType switch
        {
            "authorization_code" => await codeGrant.HandleAsync(clientId!, p, ct),
            "refresh_token" => await refreshGrant.HandleAsync(clientId!, p, ct),
            _ => await credentialsGrant.HandleAsync(clientId!, client!, p, ct),
        };
        return result.Response is { } tokens ? NoStore.Wrap(Results.Ok(tokens)) : result.Error!;
    }
}

/// <summary>What a grant handler produced: tokens, or the §5.2 error.</summary>
internal readonly record struct GrantResult(TokenResponse? Response, IResult? Error)
{
    public static implicit operator GrantResult(TokenResponse response) => new(response, null);

    public static GrantResult Fail(string error, string description) => new(null, OAuthError.Of(error, description));
}
