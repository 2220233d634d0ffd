using System.Net;
using System.Text;

namespace FakeAuthServer.Auth.Forms;

/// <summary>The flow's HTML, minimal and fully encoded: every interpolated value goes through HtmlEncode.</summary>
internal static class FormPages
{
    public static IResult Login(string csrfToken, string? next, string? error = null, int status = 200) =>
        Html(status, "Log in", csrfToken, $"""
            {ErrorParagraph(error)}<form method="post" action="/login">
              <input type="hidden" name="csrf_token" value="{E(csrfToken)}">
            {NextInput(next)}  <label>Username <input name="username" autocomplete="username"></label>
              <label>Password <input name="password" type="password" autocomplete="current-password"></label>
              <button type="submit">Log in</button>
            </form>
            """);

    public static IResult TwoFactor(string csrfToken, string? error = null, int status = 200) =>
        Html(status, "Two-factor authentication", csrfToken, $"""
            {ErrorParagraph(error)}<form method="post" action="/2fa/verify">
              <input type="hidden" name="csrf_token" value="{E(csrfToken)}">
              <label>Code <input name="code" inputmode="numeric" pattern="[0-9]{6}" autocomplete="one-time-code"></label>
              <button type="submit">Verify</button>
            </form>
            """);

    public static IResult Dashboard(string user) =>
        Html(200, "Dashboard", null, $"""
            <p>Welcome, {E(user)}</p>
            <form method="post" action="/logout"><button type="submit">Log out</button></form>
            """);

    public static IResult SignedOut() =>
        Html(200, "Signed out", null, """
            <p>You are signed out.</p>
            <p><a href="/login">Log in again</a></p>
            """);

    private static string E(string value) => WebUtility.HtmlEncode(value);

    private static string ErrorParagraph(string? error) => error is null ? "" : $"<p class=\"error\">{E(error)}</p>\n";

    private static string NextInput(string? next) =>
        LocalRedirect.IsSafe(next) ? $"  <input type=\"hidden\" name=\"next\" value=\"{E(next!)}\">\n" : "";

    private static IResult Html(int status, string title, string? csrfToken, string body)
    {
        var meta = csrfToken is null ? "" : $"\n<meta name=\"csrf-token\" content=\"{E(csrfToken)}\">";
        var page = $"""
            <!doctype html>
            <html><head><meta charset="utf-8"><title>{E(title)}</title>{meta}</head>
            <body>
            <h1>{E(title)}</h1>
            {body}
            </body></html>
            """;
        return Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
