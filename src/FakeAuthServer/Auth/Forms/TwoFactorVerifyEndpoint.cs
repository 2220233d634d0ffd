using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Http;
using FakeAuthServer.Options;
using FakeAuthServer.Sessions;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Forms;

/// <summary>
/// POST /2fa/verify: a 6-digit code (400 otherwise), a CSRF token if one is sent (403 when wrong), a live pending login (401), then the TOTP on the
/// server's clock. A right code that was already accepted is refused (replay); five wrong codes end the pending login,
/// and wrong codes lock the user like wrong passwords (<see cref="LoginGuard"/>).
/// </summary>
internal static class TwoFactorVerifyEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, CsrfTokens csrf, IPendingLogins pending,
        TwoFactorSecrets secrets, ITotpReplayGuard replays, LoginGuard guard, ISessionStore sessions, TimeProvider clock,
        IOptions<FakeAuthOptions> options)
    {
        var (form, problem) = await FormFields.ReadAsync(context.Request);
        if (problem is not null) return problem;
        var fields = form!;
        var code = fields.Single("code");
        if (code is null) return Problems.MissingFields("code");
        if (code.Length != 6 || !code.All(char.IsAsciiDigit)) return Problems.BadRequest("code must be 6 digits.");
        // The pending_2fa cookie (HttpOnly, SameSite=Lax, unguessable) already binds this step to the browser that
        // passed the password, so seed 004's bare {"code": …} post works; a token that is sent must still be right.
        if (fields.Single(CsrfTokens.FieldName) is { } token && !csrf.IsValid(context.Request, token)) return CsrfProblem.Forbidden();

        if (await TwoFactorPageEndpoint.FindPendingAsync(context.Request, pending) is not { } login || !secrets.TryGet(login.User, out var secret))
            return Problems.Of(StatusCodes.Status401Unauthorized, "No pending login",
                "The password step has expired or never happened; log in again at /login.");

        var step = Totp.MatchingStep(secret, code, clock.GetUtcNow());
        var outcome = await guard.AttemptSecondFactorAsync(login.User,
            async () => step is not null && await replays.TryAcceptAsync(login.User, step.Value, context.RequestAborted),
            context.RequestAborted);
        if (outcome.Result == LoginResult.LockedOut) return outcome.LockedOutProblem(context);
        if (!outcome.Accepted)
        {
            if (await pending.FailAndExhaustedAsync(login, context.RequestAborted)) await pending.RemoveAsync(login.Id, context.RequestAborted);
            var error = step is null ? "Wrong code." : "That code was already used; wait for the next one.";
            return FormPages.TwoFactor(csrf.Issue(context), error, StatusCodes.Status401Unauthorized);
        }
        if (!await pending.RemoveAsync(login.Id, context.RequestAborted)) return Problems.Of(StatusCodes.Status401Unauthorized, "No pending login", "Log in again at /login.");

        FormCookies.AppendExpired(context.Response, FormCookies.PendingTwoFactor);
        await SessionCookie.StartAsync(context, sessions, options.Value, login.User);
        return Results.Redirect(login.Next);
    }
}
