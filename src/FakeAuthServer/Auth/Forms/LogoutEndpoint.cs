using FakeAuthServer.Sessions;

namespace FakeAuthServer.Auth.Forms;

/// <summary>
/// POST /logout: ends the server session (so a copied cookie dies too) and expires the cookie, then 302 to /login,
/// the answer a browser form post wants; API clients can simply not follow it. POST only, so a link or prefetch
/// cannot log anyone out; no CSRF token, because SameSite=Lax keeps the session cookie off cross-site POSTs anyway.
/// </summary>
internal static class LogoutEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, ISessionStore sessions)
    {
        await SessionCookie.EndAsync(context, sessions);
        return Results.Redirect("/login");
    }
}
