using FakeAuthServer.Http;
using FakeAuthServer.Sessions;

namespace FakeAuthServer.Endpoints;

/// <summary>GET /protected (seed 002): 200 for a live session cookie, 401 for anything else.</summary>
internal static class ProtectedEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, ISessionStore sessions) =>
        await SessionCookie.FindLiveAsync(context, sessions) is not null
            ? FixedBodies.Json200(FixedBodies.ProtectedAccess)
            : FixedBodies.Problem(FixedBodies.Unauthorized, StatusCodes.Status401Unauthorized);
}
