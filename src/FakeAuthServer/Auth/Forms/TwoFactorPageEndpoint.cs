using FakeAuthServer.Auth.Forms.TwoFactor;
using FakeAuthServer.Http;

namespace FakeAuthServer.Auth.Forms;

/// <summary>GET /2fa: the code form, only while a password login is pending; otherwise back to /login.</summary>
internal static class TwoFactorPageEndpoint
{
    public static IResult Handle(HttpContext context, CsrfTokens csrf, PendingLogins pending) =>
        FindPending(context.Request, pending) is null
            ? Results.Redirect("/login")
            : FormPages.TwoFactor(csrf.Issue(context));

    public static PendingLogin? FindPending(HttpRequest request, PendingLogins pending) =>
        CookieHeader.ValuesOf(request, FormCookies.PendingTwoFactor).Select(pending.Find).FirstOrDefault(p => p is not null);
}
