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
    // ConcurrentDictionary.Count takes every lock; a counter keeps the login path cheap.
    private int _count;

    /// <summary>Live sessions, expired ones not yet purged included.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>An idle timeout at or above the lifetime can never fire first, so it is treated as none.</summary>
    private TimeSpan? EffectiveIdleTimeout =>
        _options.IdleTimeout is { } idle && idle < _options.SessionLifetime ? idle : null;

    public ValueTask<ServerSession> CreateAsync(string user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        if (Count >= _options.MaxSessions) MakeRoom();

        var now = clock.GetUtcNow();
        ServerSession session;
        do session = new ServerSession(SessionIds.New(), user, now, now + _options.SessionLifetime, EffectiveIdleTimeout);
        while (!_sessions.TryAdd(session.Id, session));
        Interlocked.Increment(ref _count);
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
        return ValueTask.CompletedTask;
    }

    public int PurgeExpired()
    {
        var now = clock.GetUtcNow();
        var purged = 0;
        foreach (var (_, session) in _sessions)
            if (session.IsExpiredAt(now) && RemoveExact(session)) purged++;
        return purged;
    }

    /// <summary>
    /// At the bound: purge, and if every session is still live, evict the tenth that expires soonest. One login
    /// makes room while the others go on (they may overshoot the bound by the logins in flight): under a login
    /// flood, waiting on that lock was most of the login latency.
    /// </summary>
    private void MakeRoom()
    {
        if (!_evictionLock.TryEnter()) return;
        try
        {
            if (Count < _options.MaxSessions) return;
            PurgeExpired();
            var excess = Count - _options.MaxSessions + 1;
            if (excess <= 0) return;
            SoonestToExpire.Remove(_sessions.Select(p => p.Value), s => s.ExpiresAt,
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
