using FakeAuthServer.Http;

namespace FakeAuthServer.Auth.Forms;

/// <summary>GET /login: the login form with its CSRF token (hidden input and meta tag) and the safe ?next= carried along.</summary>
internal static class LoginPageEndpoint
{
    public static IResult Handle(HttpContext context, CsrfTokens csrf)
    {
        string? next = context.Request.Query["next"];
        if (next is { Length: > LocalRedirect.MaxLength })
            return Problems.BadRequest($"next is longer than {LocalRedirect.MaxLength} characters.");
        // An unsafe next is dropped here, not refused: the login still works and lands on /dashboard.
        return FormPages.Login(csrf.Issue(context), next);
    }
}
