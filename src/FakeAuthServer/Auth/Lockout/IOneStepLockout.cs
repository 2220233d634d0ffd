namespace FakeAuthServer.Auth.Lockout;

/// <summary>
/// A lockout store that can judge a whole password attempt in one call: whether the user is locked, and if not, the
/// attempt's consequence (forget the user's failures, or record one). The Redis store does it in one round trip;
/// <see cref="LoginGuard"/> uses it when the store offers it, with the same outcomes as the three separate calls.
/// </summary>
internal interface IOneStepLockout
{
    /// <summary>The lock left at the server time (nothing changed then), else null with <paramref name="then"/> applied.</summary>
    ValueTask<TimeSpan?> LockedForElseAsync(string user, AttemptConsequence then, LockoutOptions options,
        CancellationToken cancellationToken = default);
}

internal enum AttemptConsequence
{
    None,
    Forget,
    RecordFailure,
}
