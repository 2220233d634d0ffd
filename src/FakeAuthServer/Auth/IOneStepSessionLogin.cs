using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Sessions;

namespace FakeAuthServer.Auth;

/// <summary>
/// A session store that can take the rest of an accepted password login in one call: the lock check, the attempt's
/// consequence, the end of the sessions the browser carried and the new session. The Redis store does it in one
/// script; <see cref="SessionLogin"/> uses it when the lockout store also judges in one step, with the same outcomes
/// as the lockout store and the session store called in turn.
/// </summary>
internal interface IOneStepSessionLogin
{
    /// <summary>The lock left at the server time (nothing changed then), else the new session, with <paramref name="then"/> applied.</summary>
    ValueTask<(TimeSpan? LockedFor, ServerSession? Session)> StartUnlessLockedAsync(string user, AttemptConsequence then,
        LockoutOptions options, IReadOnlyList<string> carriedIds, CancellationToken cancellationToken = default);
}
