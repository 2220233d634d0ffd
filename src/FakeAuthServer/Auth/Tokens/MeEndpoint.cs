using FakeAuthServer.Http;

namespace FakeAuthServer.Auth.Tokens;

/// <summary>GET /api/me: who the bearer access token belongs to; 401 with an RFC 6750 §3 challenge otherwise.</summary>
internal static class MeEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, AccessTokens tokens)
    {
        // No credentials at all: a bare challenge, without an error code (RFC 6750 §3.1).
        if (!AuthorizationHeader.HasScheme(context.Request, "Bearer"))
            return Unauthorized(context, "Bearer realm=\"FakeAuth\"", "Send Authorization: Bearer <access_token>.");

        var token = AuthorizationHeader.TryGetParameter(context.Request, "Bearer", out var value)
            ? await tokens.FindAsync(value, context.RequestAborted)
            : null;
        if (token is null)
            return Unauthorized(context,
                "Bearer realm=\"FakeAuth\", error=\"invalid_token\", error_description=\"The access token is malformed, unknown or expired\"",
                "The access token is malformed, unknown or expired; refresh it or log in again.");

        var grant = token.Grant;
        return NoStore.Wrap(Results.Ok(new
        {
            username = grant.Username,
            client_id = grant.ClientId,
            scope = grant.Scope,
            issued_at = token.IssuedAt,
            expires_at = token.ExpiresAt,
        }));
    }

    private static IResult Unauthorized(HttpContext context, string challenge, string detail)
    {
        context.Response.Headers.WWWAuthenticate = challenge;
        return Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }
}
