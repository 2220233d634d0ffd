using FakeAuthServer.Guards;

namespace FakeAuthServer.Auth.Tokens;

/// <summary>GET /api/me: who the bearer access token belongs to; 401 with an RFC 6750 §3 challenge otherwise (<see cref="BearerGuard"/>).</summary>
internal static class MeEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, AccessTokens tokens)
    {
        var (token, failure) = await BearerGuard.FindTokenAsync(context, tokens);
        if (failure is not null) return failure;

        var grant = token!.Grant;
        return NoStore.Wrap(Results.Ok(new
        {
            username = grant.Username,
            client_id = grant.ClientId,
            scope = grant.Scope,
            issued_at = token.IssuedAt,
            expires_at = token.ExpiresAt,
        }));
    }
}
