using System.Collections.Concurrent;
using FakeAuthServer.Hosting;
using FakeAuthServer.Options;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Sessions;

/// <summary>The embedded default store: a concurrent dictionary on the injected clock, bounded in size.</summary>
public sealed class InMemorySessionStore(TimeProvider clock, IOptions<FakeAuthOptions> options) : ISessionStore
{
    private readonly ConcurrentDictionary<string, ServerSession> _sessions = new(StringComparer.Ordinal);
    private readonly FakeAuthOptions _options = options.Value;
    private readonly Lock _evictionLock = new();
    private readonly SessionAgeQueue _byAge = new();
    // ConcurrentDictionary.Count takes every lock; a counter keeps the login path cheap.
    private int _count;
    private readonly SharedUserNames _userNames = new();

    /// <summary>Live sessions, expired ones not yet purged included.</summary>
    public int Count => Volatile.Read(ref _count);

    public ValueTask<ServerSession> CreateAsync(string user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        if (Count >= _options.MaxSessions) MakeRoom();

        var now = clock.GetUtcNow();
        ServerSession session;
        user = _userNames.Of(user);
        do session = ServerSession.Start(user, now, _options);
        while (!_sessions.TryAdd(session.Id, session));
        Interlocked.Increment(ref _count);
        _byAge.Add(session);
        return ValueTask.FromResult(session);
    }

    public ValueTask<ServerSession?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!SessionIds.HasValidShape(id) || !_sessions.TryGetValue(id, out var session))
            return ValueTask.FromResult<ServerSession?>(null);

        var now = clock.GetUtcNow();
        if (session.IsExpiredAt(now))
        {
            RemoveExact(session);
            return ValueTask.FromResult<ServerSession?>(null);
        }
        session.Touch(now);
        return ValueTask.FromResult<ServerSession?>(session);
    }

    public ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        var removed = _sessions.TryRemove(id, out _);
        if (removed) Interlocked.Decrement(ref _count);
        return ValueTask.FromResult(removed);
    }

    public ValueTask<IReadOnlyList<ServerSession>> ListAsync(int max, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return ValueTask.FromResult<IReadOnlyList<ServerSession>>(
            _sessions.Values.Where(s => !s.IsExpiredAt(now)).OrderBy(s => s.ExpiresAt).Take(max).ToList());
    }

    public ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        foreach (var session in _sessions.Values) RemoveExact(session);
        _byAge.Rebuild([]);
        return ValueTask.CompletedTask;
    }

    public int PurgeExpired()
    {
        var now = clock.GetUtcNow();
        var purged = 0;
        foreach (var (_, session) in _sessions)
            if (session.IsExpiredAt(now) && RemoveExact(session)) purged++;
        // Logouts and expiries leave their entries in the age queue; past twice the store, start it afresh.
        if (_byAge.Count > 2 * Count + 1024) _byAge.Rebuild(_sessions.Select(p => p.Value));
        return purged;
    }

    /// <summary>Entries in the eviction queue (the store's own sessions plus dropped ones not yet skipped).</summary>
    internal int QueuedForEviction => _byAge.Count;

    /// <summary>
    /// At the bound the age queue gives up the oldest sessions not in use (<see cref="SessionAgeQueue"/>): a few
    /// queue operations per login. Only if that cannot keep the store within a tenth over the bound (a crowd of
    /// sessions all in use) does one request sort the store and evict the tenth that expires soonest, while the
    /// other logins go on.
    /// </summary>
    private void MakeRoom()
    {
        var excess = Count - _options.MaxSessions + 1;
        if (excess <= 0 || _byAge.Evict(excess, RemoveExact) >= excess) return;
        if (Count <= _options.MaxSessions + _options.MaxSessions / 10 || !_evictionLock.TryEnter()) return;
        try
        {
            PurgeExpired();
            excess = Count - _options.MaxSessions + 1;
            if (excess <= 0) return;
            SoonestToExpire.Remove([.. _sessions.Values], s => s.ExpiresAt,
                Math.Max(excess, _options.MaxSessions / 10), RemoveExact);
        }
        finally
        {
            _evictionLock.Exit();
        }
    }

    private bool RemoveExact(ServerSession session)
    {
        var removed = _sessions.TryRemove(new KeyValuePair<string, ServerSession>(session.Id, session));
        if (removed) Interlocked.Decrement(ref _count);
        return removed;
    }
}
