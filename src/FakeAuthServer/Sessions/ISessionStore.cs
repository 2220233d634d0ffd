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

    /// <summary>Live sessions, expired ones not yet purged included.</summary>
    int Count { get; }

    /// <summary>Drops every expired session; returns how many went.</summary>
    int PurgeExpired();

    /// <summary>Up to <paramref name="max"/> live sessions, soonest to expire first (the admin API's view).</summary>
    IReadOnlyList<ServerSession> List(int max);

    /// <summary>Ends every session.</summary>
    void Clear();
}
