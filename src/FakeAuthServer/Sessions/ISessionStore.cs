namespace FakeAuthServer.Sessions;

/// <summary>
/// Server-side sessions. Asynchronous so that an out-of-process store (Redis) fits behind it;
/// the in-memory store completes synchronously and allocates no task.
/// </summary>
public interface ISessionStore
{
    /// <summary>Starts a session for <paramref name="user"/> with a fresh random id.</summary>
    ValueTask<ServerSession> CreateAsync(string user, CancellationToken cancellationToken = default);

    /// <summary>The live session with this id, marked as seen now; null when unknown or expired.</summary>
    ValueTask<ServerSession?> FindAsync(string id, CancellationToken cancellationToken = default);

    ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Drops every expired session; returns how many went (0 where the store expires entries itself).</summary>
    int PurgeExpired();

    /// <summary>Up to <paramref name="max"/> live sessions, soonest to expire first (the admin API's view).</summary>
    ValueTask<IReadOnlyList<ServerSession>> ListAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Ends every session.</summary>
    ValueTask ClearAsync(CancellationToken cancellationToken = default);
}
