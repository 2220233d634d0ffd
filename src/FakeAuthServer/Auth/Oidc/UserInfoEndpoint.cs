using FakeAuthServer.Auth.Tokens;
using FakeAuthServer.Http;

namespace FakeAuthServer.Auth.Oidc;

/// <summary>
/// GET or POST /oauth/userinfo (OpenID Connect Core §5.3): the user's claims for an access token granted with openid;
/// RFC 6750 challenges otherwise (invalid_token, or insufficient_scope for a token without openid or without a user).
/// </summary>
internal static class UserInfoEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, AccessTokens tokens, JwtTokens jwts)
    {
        if (!AuthorizationHeader.TryGetParameter(context.Request, "Bearer", out var value) ||
            await tokens.FindAsync(value, context.RequestAborted) is not { } token)
            return Challenge(context, StatusCodes.Status401Unauthorized, "invalid_token", "The access token is missing, unknown or expired.");
        if (token.Grant.Username is not { } user || !token.Grant.Scope.Split(' ').Contains(Tokens.OAuth.Scopes.OpenId))
            return Challenge(context, StatusCodes.Status403Forbidden, "insufficient_scope", "userinfo needs a user's access token granted with the openid scope.");

        var claims = new Dictionary<string, string> { ["sub"] = user };
        foreach (var (name, claim) in jwts.ClaimsOf(user)) claims.TryAdd(name, claim);
        return NoStore.Wrap(Results.Json(claims));
    }

    private static IResult Challenge(HttpContext context, int status, string error, string description)
    {
        context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"FakeAuth\", error=\"{error}\", error_description=\"{description}\"";
        return Problems.Of(status, status == 401 ? "Unauthorized" : "Forbidden", description);
    }
}
