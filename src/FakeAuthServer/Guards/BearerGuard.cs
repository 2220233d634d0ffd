using FakeAuthServer.Auth.Tokens;
using FakeAuthServer.Auth.Tokens.OAuth;
using FakeAuthServer.Http;

namespace FakeAuthServer.Guards;

/// <summary>
/// A live access token, as /api/me asks (opaque or this server's JWT, through <see cref="AccessTokens"/>: expiry on the
/// server clock and revocation hold), else an RFC 6750 §3 challenge: bare without credentials, <c>invalid_token</c>
/// for a bad one, <c>insufficient_scope</c> (403, §3.1) for a live token without the scopes the route needs.
/// </summary>
internal static class BearerGuard
{
    private const string Challenge = "Bearer realm=\"FakeAuth\"";

    /// <summary>The live token the request carries, or the 401 to give.</summary>
    public static async Task<(StoredToken? Token, IResult? Failure)> FindTokenAsync(HttpContext context, AccessTokens tokens)
    {
        // No credentials at all: a bare challenge, without an error code (RFC 6750 §3.1).
        if (!AuthorizationHeader.HasScheme(context.Request, "Bearer"))
            return (null, Refuse(context, StatusCodes.Status401Unauthorized, Challenge, "Send Authorization: Bearer <access_token>."));

        var token = AuthorizationHeader.TryGetParameter(context.Request, "Bearer", out var value)
            ? await tokens.FindAsync(value, context.RequestAborted)
            : null;
        return token is not null
            ? (token, null)
            : (null, Refuse(context, StatusCodes.Status401Unauthorized,
                $"{Challenge}, error=\"invalid_token\", error_description=\"The access token is malformed, unknown or expired\"",
                "The access token is malformed, unknown or expired; refresh it or log in again."));
    }

    /// <summary>Null when the request may go on (the caller is then stored on it); otherwise the answer to give.</summary>
    public static async Task<IResult?> CheckAsync(HttpContext context, IReadOnlyList<string> requiredScopes)
    {
        var (token, failure) = await FindTokenAsync(context, context.RequestServices.GetRequiredService<AccessTokens>());
        if (failure is not null) return failure;

        var grant = token!.Grant;
        var granted = grant.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!Scopes.AllIn(requiredScopes, granted))
        {
            var needed = Scopes.Join(requiredScopes);
            return Refuse(context, StatusCodes.Status403Forbidden,
                $"{Challenge}, error=\"insufficient_scope\", error_description=\"The access token lacks a required scope\", scope=\"{needed}\"",
                $"The access token does not carry the scope this route needs: {needed}.");
        }
        new AuthenticatedCaller(grant.Username, grant.ClientId, granted).StoreOn(context);
        return null;
    }

    private static IResult Refuse(HttpContext context, int status, string challenge, string detail)
    {
        context.Response.Headers.WWWAuthenticate = challenge;
        return Problems.Of(status, status == StatusCodes.Status403Forbidden ? "Forbidden" : "Unauthorized", detail);
    }
}
