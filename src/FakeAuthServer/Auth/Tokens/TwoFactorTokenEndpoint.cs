using System.Text.Json;
using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Http;

namespace FakeAuthServer.Auth.Tokens;

/// <summary>
/// POST /api/auth/2fa: the second step of a token login for a user with TOTP. /api/auth/login answered
/// {"two_factor_required": true, "login_ticket": …}; this takes {login_ticket, code} and issues the tokens.
/// Same rules as the form step: 6 digits, the server clock, no replay, five wrong codes end the ticket, wrong codes
/// count towards the user's lockout.
/// </summary>
internal static class TwoFactorTokenEndpoint
{
    private sealed record Body(string? login_ticket, string? code);

    public static async Task<IResult> Handle(HttpContext context, IPendingLogins pending, TwoFactorSecrets secrets,
        ITotpReplayGuard replays, LoginGuard guard, TimeProvider clock, TokenIssuer issuer)
    {
        if (!context.Request.HasJsonContentType()) return Problems.UnsupportedMediaType("application/json");
        var body = await JsonSerializer.DeserializeAsync<Body>(context.Request.Body, JsonSerializerOptions.Web, context.RequestAborted);
        if (Problems.IfMissing(("login_ticket", body?.login_ticket), ("code", body?.code)) is { } missing) return missing;
        var (ticket, code) = (body!.login_ticket!, body.code!);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit)) return Problems.BadRequest("code must be 6 digits.");

        if (await pending.FindAsync(ticket, context.RequestAborted) is not { } login || !secrets.TryGet(login.User, out var secret))
            return Problems.Of(StatusCodes.Status401Unauthorized, "No pending login", "The ticket is unknown or expired; log in again.");
        var step = Totp.MatchingStep(secret, code, clock.GetUtcNow());
        var outcome = await guard.AttemptSecondFactorAsync(login.User,
            async () => step is not null && await replays.TryAcceptAsync(login.User, step.Value, context.RequestAborted),
            context.RequestAborted);
        if (outcome.Result == LoginResult.LockedOut) return outcome.LockedOutProblem(context);
        if (!outcome.Accepted)
        {
            if (await pending.FailAndExhaustedAsync(login, context.RequestAborted)) await pending.RemoveAsync(login.Id, context.RequestAborted);
            return Problems.Of(StatusCodes.Status401Unauthorized, "Wrong code", step is null ? "The code is wrong." : "That code was already used.");
        }
        if (!await pending.RemoveAsync(login.Id, context.RequestAborted)) return Problems.Of(StatusCodes.Status401Unauthorized, "No pending login", "Log in again.");

        var grant = new TokenGrant(login.User, ClientId: null, Scope: "", TokenIssuer.NewFamily());
        return NoStore.Wrap(Results.Ok(await issuer.IssueAsync(grant, withRefreshToken: true, context.RequestAborted)));
    }
}
