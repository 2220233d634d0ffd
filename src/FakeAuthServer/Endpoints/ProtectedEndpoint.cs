using FakeAuthServer.Http;
using FakeAuthServer.Sessions;

namespace FakeAuthServer.Endpoints;

/// <summary>GET /protected (seed 002): 200 for a live session cookie, 401 for anything else.</summary>
internal static class ProtectedEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, ISessionStore sessions)
    {
        // A browser may send several user_id cookies (different paths); any live one will do.
        foreach (var id in CookieHeader.ValuesOf(context.Request, LoginEndpoint.SessionCookie))
            if (await sessions.FindAsync(id, context.RequestAborted) is not null)
                return FixedBodies.Json200(FixedBodies.ProtectedAccess);

        return FixedBodies.Problem(FixedBodies.Unauthorized, StatusCodes.Status401Unauthorized);
    }
}
