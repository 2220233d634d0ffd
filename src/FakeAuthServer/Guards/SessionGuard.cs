using FakeAuthServer.Http;
using FakeAuthServer.Sessions;

namespace FakeAuthServer.Guards;

/// <summary>
/// A live <c>user_id</c> session, as /protected asks: the same lookup (<see cref="SessionCookie.FindLiveAsync"/>, which
/// applies lifetime and idle expiry on the server clock) and, when there is none, the same 401 body.
/// </summary>
internal static class SessionGuard
{
    /// <summary>Null when the request may go on (the caller is then stored on it); otherwise the answer to give.</summary>
    public static async Task<IResult?> CheckAsync(HttpContext context)
    {
        var sessions = context.RequestServices.GetRequiredService<ISessionStore>();
        if (await SessionCookie.FindLiveAsync(context, sessions) is not { } session)
            return FixedBodies.Problem(FixedBodies.Unauthorized, StatusCodes.Status401Unauthorized);
        new AuthenticatedCaller(session.User, clientId: null, scopes: []).StoreOn(context);
        return null;
    }
}
