using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Http;

namespace FakeAuthServer.Auth.Forms;

/// <summary>
/// POST /login: CSRF first (403), then the fields (400), then the password (401, the form again). Success is a 302
/// to the safe next with a fresh session, or, for a user with a TOTP secret, to /2fa with a pending-login cookie.
/// </summary>
internal static class FormLoginEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, CsrfTokens csrf, LoginGuard guard, SessionLogin sessionLogin,
        TwoFactorSecrets secrets, IPendingLogins pending)
    {
        var (form, problem) = await FormFields.ReadAsync(context.Request);
        if (problem is not null) return problem;
        var fields = form!;
        if (!csrf.IsValid(context.Request, fields.Single(CsrfTokens.FieldName)))
            return CsrfProblem.Forbidden();

        var (sentUser, sentPassword) = (fields.Single("username"), fields.Single("password"));
        if (Problems.IfMissing(("username", sentUser), ("password", sentPassword)) is { } missing) return missing;
        var (username, password) = (sentUser!, sentPassword!);

        var next = LocalRedirect.OrDefault(fields.Single("next"));
        // A user with TOTP gets a pending login, not a session, from a right password.
        var withTotp = secrets.TryGet(username, out _);
        var outcome = withTotp
            ? await guard.AttemptAsync(username, password, context.RequestAborted)
            : await sessionLogin.AttemptAsync(context, username, password);
        if (outcome.Result == LoginResult.LockedOut) return outcome.LockedOutProblem(context);
        if (!outcome.Accepted)
            return FormPages.Login(csrf.Issue(context), next, "Invalid username or password.", StatusCodes.Status401Unauthorized);
        if (!withTotp) return Results.Redirect(next);

        var login = await pending.CreateAsync(username, next, context.RequestAborted);
        SetCookie.AppendSessionCookie(context.Response, FormCookies.PendingTwoFactor, login.Id, PendingLogins.Lifetime);
        return Results.Redirect("/2fa");
    }
}
