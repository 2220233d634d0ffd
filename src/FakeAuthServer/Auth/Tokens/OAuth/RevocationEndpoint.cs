namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>
/// POST /oauth/revoke (RFC 7009): a client gives back its access or refresh token. The whole grant goes (its access
/// and refresh tokens), as §2.1 allows. An unknown token is answered 200 too (§2.2): the client's aim is reached.
/// A token of another client is refused and left alone.
/// </summary>
internal static class RevocationEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, ClientAuthentication clients, AccessTokens accessTokens, ITokenStore store)
    {
        var (form, formError) = await OAuthForm.ReadAsync(context);
        if (formError is not null) return formError;
        var (clientId, _, error) = clients.Authenticate(context, form!);
        if (error is not null) return error;
        if (form!["token"] is not { } value) return OAuthError.Of(OAuthError.InvalidRequest, "token is required.");

        var ct = context.RequestAborted;
        // Stryker disable once NullCoalescing : no value is both an access and a refresh token, so the lookup order cannot matter
        var token = await accessTokens.FindAsync(value, ct) ??
                    (TokenValues.HasPlausibleShape(value) ? await store.FindAsync(TokenKind.Refresh, value, ct) : null);
        if (token is null) return Results.Ok();
        if (token.Grant.ClientId != clientId) return OAuthError.Of(OAuthError.InvalidRequest, "The token was issued to another client.");
        await store.RevokeFamilyAsync(token.Grant.Family, ct);
        return Results.Ok();
    }
}
