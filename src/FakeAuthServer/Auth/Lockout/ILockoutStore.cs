namespace FakeAuthServer.Auth.Lockout;

/// <summary>
/// Recent password failures and active locks per user name: in memory by default, in Redis when instances share
/// state. Times are the server clock's, passed in, so every instance judges a lock the same way.
/// </summary>
public interface ILockoutStore
{
    /// <summary>How long <paramref name="user"/> stays locked, or null when not locked at <paramref name="now"/>.</summary>
    ValueTask<TimeSpan?> LockedForAsync(string user, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records a failure; the one that reaches MaxFailures within the window locks the user for Duration.</summary>
    ValueTask RecordFailureAsync(string user, DateTimeOffset now, LockoutOptions options, CancellationToken cancellationToken = default);

    /// <summary>A successful login forgets the user's failures.</summary>
    ValueTask ForgetAsync(string user, CancellationToken cancellationToken = default);

    /// <summary>Forgets every failure and lock (the admin API's reset).</summary>
    ValueTask ClearAsync(CancellationToken cancellationToken = default);
}
