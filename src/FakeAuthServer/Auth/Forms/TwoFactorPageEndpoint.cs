using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Http;

namespace FakeAuthServer.Auth.Forms;

/// <summary>GET /2fa: the code form, only while a password login is pending; otherwise back to /login.</summary>
internal static class TwoFactorPageEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, CsrfTokens csrf, IPendingLogins pending) =>
        await FindPendingAsync(context.Request, pending) is null
            ? Results.Redirect("/login")
            : FormPages.TwoFactor(csrf.Issue(context));

    public static async ValueTask<PendingLogin?> FindPendingAsync(HttpRequest request, IPendingLogins pending)
    {
        foreach (var id in CookieHeader.ValuesOf(request, FormCookies.PendingTwoFactor))
            if (await pending.FindAsync(id, request.HttpContext.RequestAborted) is { } login) return login;
        return null;
    }
}
