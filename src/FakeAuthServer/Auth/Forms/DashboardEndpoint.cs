using FakeAuthServer.Sessions;

namespace FakeAuthServer.Auth.Forms;

/// <summary>GET /dashboard: the browser-facing /protected. No live session means back to the login form, returning here.</summary>
internal static class DashboardEndpoint
{
    public const string LoginRedirect = "/login?next=%2Fdashboard";

    public static async Task<IResult> Handle(HttpContext context, ISessionStore sessions) =>
        await SessionCookie.FindLiveAsync(context, sessions) is { } session
            ? FormPages.Dashboard(session.User)
            : Results.Redirect(LoginRedirect);
}
