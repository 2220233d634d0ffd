using FakeAuthServer.Http;

namespace FakeAuthServer.Auth.Forms;

/// <summary>
/// The form flow's cookies, all HttpOnly, SameSite=Lax and Path=/ (scripts never need them; cross-site POSTs never
/// carry them), and Secure when set over https.
/// </summary>
internal static class FormCookies
{
    public const string PendingTwoFactor = "pending_2fa";

    /// <summary>No Max-Age: gone when the browser closes (the CSRF cookie needs no longer).</summary>
    public static void AppendBrowserSession(HttpResponse response, string name, string value) =>
        response.Headers.Append("Set-Cookie", $"{name}={value}; Path=/; HttpOnly; SameSite=Lax{SetCookie.SecureOver(response)}");

    public static void AppendExpired(HttpResponse response, string name) =>
        response.Headers.Append("Set-Cookie",
            $"{name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; HttpOnly; SameSite=Lax{SetCookie.SecureOver(response)}");
}
