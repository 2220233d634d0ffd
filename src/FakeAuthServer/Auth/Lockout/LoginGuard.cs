using FakeAuthServer.Users;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Lockout;

/// <summary>
/// Every password check goes through here, so no login endpoint can be used to get round the lockout:
/// <see cref="LockoutOptions.MaxFailures"/> wrong passwords for one user within the window (each answered as
/// usual) lock that user for <see cref="LockoutOptions.Duration"/>; while locked every attempt, even with the
/// right password, gets 429 with Retry-After. Keyed by user name, as real account lockouts are (unknown names
/// too, so probing costs the same). The records live in an <see cref="ILockoutStore"/>.
/// Wrong second factors count like wrong passwords, across tickets: a right password alone is half a login and forgets
/// nothing for a user with TOTP, else each new ticket would bring fresh guesses at the code.
/// </summary>
public sealed class LoginGuard(UserDirectory users, TimeProvider clock, IOptions<LockoutOptions> options, ILockoutStore store)
{
    private readonly LockoutOptions _options = options.Value;

    public async ValueTask<LoginOutcome> AttemptAsync(string user, string password, CancellationToken cancellationToken = default)
    {
        if (!_options.Enabled) return new(users.Verify(user, password) ? LoginResult.Accepted : LoginResult.Rejected);

        if (store is IOneStepLockout oneStep) return await AttemptInOneStepAsync(oneStep, user, password, cancellationToken);

        var now = clock.GetUtcNow();
        if (await store.LockedForAsync(user, now, cancellationToken) is { } wait) return new(LoginResult.LockedOut, wait);

        if (users.Verify(user, password))
        {
            if (users.TotpSecretOf(user) is null) await store.ForgetAsync(user, cancellationToken);
            return new(LoginResult.Accepted);
        }

        await store.RecordFailureAsync(user, now, _options, cancellationToken);
        return new(LoginResult.Rejected);
    }

    /// <summary>
    /// The same decision in one store call: the password is checked first (it reads no state, and a locked user's
    /// answer does not depend on it), so the store can check the lock and apply the consequence together.
    /// </summary>
    private async ValueTask<LoginOutcome> AttemptInOneStepAsync(IOneStepLockout oneStep, string user, string password,
        CancellationToken cancellationToken)
    {
        var (accepted, then) = Judge(user, password);
        return await DecideInOneStepAsync(oneStep, user, accepted, then, cancellationToken);
    }

    /// <summary>
    /// An attempt <see cref="Judge"/> has judged, decided by a store that judges in one step (<see cref="JudgesInOneStep"/>),
    /// or by the password alone when lockout is off.
    /// </summary>
    internal ValueTask<LoginOutcome> DecideJudgedAsync(string user, bool accepted, AttemptConsequence then,
        CancellationToken cancellationToken = default) =>
        !_options.Enabled
            ? ValueTask.FromResult(new LoginOutcome(accepted ? LoginResult.Accepted : LoginResult.Rejected))
            : DecideInOneStepAsync((IOneStepLockout)store, user, accepted, then, cancellationToken);

    private async ValueTask<LoginOutcome> DecideInOneStepAsync(IOneStepLockout oneStep, string user, bool accepted,
        AttemptConsequence then, CancellationToken cancellationToken)
    {
        if (await oneStep.LockedForElseAsync(user, then, _options, cancellationToken) is { } wait) return new(LoginResult.LockedOut, wait);
        return new(accepted ? LoginResult.Accepted : LoginResult.Rejected);
    }

    /// <summary>True when attempts are counted by a store that judges a whole attempt in one call.</summary>
    internal bool JudgesInOneStep => _options.Enabled && store is IOneStepLockout;

    internal LockoutOptions Options => _options;

    /// <summary>
    /// Whether the password is right, and what the attempt means for the user's record unless they are locked: a
    /// wrong one is a failure, a right one forgets them, except for a user with TOTP (half a login, forgets nothing).
    /// </summary>
    internal (bool Accepted, AttemptConsequence Then) Judge(string user, string password)
    {
        var accepted = users.Verify(user, password);
        return (accepted, !accepted ? AttemptConsequence.RecordFailure
            : users.TotpSecretOf(user) is null ? AttemptConsequence.Forget
            : AttemptConsequence.None);
    }

    /// <summary>
    /// The second step of a login: refused with LockedOut before <paramref name="verify"/> runs (so a locked user
    /// spends no code), a wrong code recorded as a failure, a right one completing the login and forgetting them.
    /// </summary>
    public async ValueTask<LoginOutcome> AttemptSecondFactorAsync(string user, Func<ValueTask<bool>> verify,
        CancellationToken cancellationToken = default)
    {
        if (!_options.Enabled) return new(await verify() ? LoginResult.Accepted : LoginResult.Rejected);

        if (await store.LockedForAsync(user, clock.GetUtcNow(), cancellationToken) is { } wait) return new(LoginResult.LockedOut, wait);
        if (await verify())
        {
            await store.ForgetAsync(user, cancellationToken);
            return new(LoginResult.Accepted);
        }

        await store.RecordFailureAsync(user, clock.GetUtcNow(), _options, cancellationToken);
        return new(LoginResult.Rejected);
    }

    /// <summary>Forgets every failure and lock (the admin API's reset).</summary>
    public ValueTask ResetAsync(CancellationToken cancellationToken = default) => store.ClearAsync(cancellationToken);
}
