using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Http;
using FakeAuthServer.Options;
using FakeAuthServer.Sessions;
using FakeAuthServer.Users;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Forms;

/// <summary>
/// POST /login: CSRF first (403), then the fields (400), then the password (401, the form again). Success is a 302
/// to the safe next with a fresh session, or, for a user with a TOTP secret, to /2fa with a pending-login cookie.
/// </summary>
internal static class FormLoginEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, CsrfTokens csrf, LoginGuard guard,
        ISessionStore sessions, TwoFactorSecrets secrets, IPendingLogins pending, IOptions<FakeAuthOptions> options)
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
        var outcome = await guard.AttemptAsync(username, password, context.RequestAborted);
        if (outcome.Result == LoginResult.LockedOut) return outcome.LockedOutProblem(context);
        if (!outcome.Accepted)
            return FormPages.Login(csrf.Issue(context), next, "Invalid username or password.", StatusCodes.Status401Unauthorized);

        if (secrets.TryGet(username, out _))
        {
            var login = await pending.CreateAsync(username, next, context.RequestAborted);
            SetCookie.AppendSessionCookie(context.Response, FormCookies.PendingTwoFactor, login.Id, PendingLogins.Lifetime);
            return Results.Redirect("/2fa");
        }

        await SessionCookie.StartAsync(context, sessions, options.Value, username);
        return Results.Redirect(next);
    }
}
