using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Options;
using FakeAuthServer.Sessions;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth;

/// <summary>
/// A password login that ends in a session (/api/login, and /login for a user without TOTP): <see cref="LoginGuard"/>'s
/// decision, then a fresh session and its cookie. A right password costs one call to a store that can take the whole
/// login at once (Redis: one script, issue 17), else the lockout store's and the session store's calls in turn.
/// </summary>
internal sealed class SessionLogin(LoginGuard guard, ISessionStore sessions, IOptions<FakeAuthOptions> options)
{
    public async Task<LoginOutcome> AttemptAsync(HttpContext context, string user, string password)
    {
        if (guard.JudgesInOneStep && sessions is IOneStepSessionLogin oneStep)
        {
            var (accepted, then) = guard.Judge(user, password);
            if (!accepted) return await guard.DecideJudgedAsync(user, accepted, then, context.RequestAborted);
            var (wait, session) = await oneStep.StartUnlessLockedAsync(user, then, guard.Options,
                SessionCookie.CarriedIds(context), context.RequestAborted);
            if (wait is { } left) return new(LoginResult.LockedOut, left);
            SessionCookie.Append(context, session!, options.Value);
            return new(LoginResult.Accepted);
        }

        var outcome = await guard.AttemptAsync(user, password, context.RequestAborted);
        if (outcome.Accepted) await SessionCookie.StartAsync(context, sessions, options.Value, user);
        return outcome;
    }
}
