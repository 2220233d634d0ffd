using System.Collections.Concurrent;
using FakeAuthServer.Users;

namespace FakeAuthServer.Auth.Lockout;

/// <summary>
/// The embedded default: a bounded dictionary of per-user failure records. A flood of made-up names must not buy
/// guesses at a real account, so at the bound records go in an order that protects accounts last: records with
/// nothing left in them, then unknown names' counts, then unknown names' locks, then known users' counts. A known
/// user's active lock is never evicted (there are only as many as there are accounts).
/// </summary>
public sealed class InMemoryLockoutStore(UserDirectory users, int maxTrackedUsers = InMemoryLockoutStore.DefaultMaxTrackedUsers)
    : ILockoutStore
{
    public const int DefaultMaxTrackedUsers = 10_000;

    private readonly ConcurrentDictionary<string, FailureRecord> _failures = new(StringComparer.Ordinal);
    private readonly Lock _evictionLock = new();

    /// <summary>Users with a record (failures or a lock), stale ones not yet evicted included.</summary>
    public int Count => _failures.Count;

    public ValueTask<TimeSpan?> LockedForAsync(string user, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_failures.TryGetValue(user, out var record) ? record.LockedFor(now) : null);

    public ValueTask RecordFailureAsync(string user, DateTimeOffset now, LockoutOptions options, CancellationToken cancellationToken = default)
    {
        if (_failures.Count >= maxTrackedUsers && !_failures.ContainsKey(user)) MakeRoom(now, options.Window);
        _failures.GetOrAdd(user, static _ => new FailureRecord()).Fail(now, options);
        return ValueTask.CompletedTask;
    }

    public ValueTask ForgetAsync(string user, CancellationToken cancellationToken = default)
    {
        _failures.TryRemove(user, out _);
        return ValueTask.CompletedTask;
    }

    public ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        _failures.Clear();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Evicts a tenth of the bound (so a flood pays for one sort per thousand names, not one per name), lowest
    /// <see cref="Rank"/> first and oldest within a rank. One caller evicts while the others go on.
    /// </summary>
    private void MakeRoom(DateTimeOffset now, TimeSpan window)
    {
        if (!_evictionLock.TryEnter()) return;
        try
        {
            var excess = _failures.Count - maxTrackedUsers + 1;
            if (excess <= 0) return;
            var candidates = _failures.ToArray()
                .Select(entry => (Entry: entry, State: entry.Value.StateAt(now, window)))
                .Select(c => (c.Entry, Rank: Rank(c.Entry.Key, c.State), c.State.LastFailure))
                .Where(c => c.Rank < Protected)
                .OrderBy(c => c.Rank).ThenBy(c => c.LastFailure)
                .Take(Math.Max(excess, maxTrackedUsers / 10));
            foreach (var candidate in candidates) _failures.TryRemove(candidate.Entry);
        }
        finally
        {
            _evictionLock.Exit();
        }
    }

    private const int Protected = 4;

    private int Rank(string user, RecordState state)
    {
        var (locked, counting, _) = state;
        if (!locked && !counting) return 0;
        var known = users.Exists(user);
        return (known, locked) switch
        {
            (false, false) => 1,
            (false, true) => 2,
            (true, false) => 3,
            (true, true) => Protected,
        };
    }

    private readonly record struct RecordState(bool Locked, bool Counting, DateTimeOffset LastFailure);

    private sealed class FailureRecord
    {
        private readonly Queue<DateTimeOffset> _recent = new();
        private DateTimeOffset _lockedUntil;

        private DateTimeOffset _lastFailure;

        public TimeSpan? LockedFor(DateTimeOffset now)
        {
            lock (_recent) return now < _lockedUntil ? _lockedUntil - now : null;
        }

        /// <summary>Whether the user is locked, and whether failures inside the window still count towards a lock.</summary>
        public RecordState StateAt(DateTimeOffset now, TimeSpan window)
        {
            lock (_recent) return new(now < _lockedUntil, _recent.Count > 0 && _lastFailure > now - window, _lastFailure);
        }

        public void Fail(DateTimeOffset now, LockoutOptions options)
        {
            lock (_recent)
            {
                _lastFailure = now;
                while (_recent.Count > 0 && _recent.Peek() <= now - options.Window) _recent.Dequeue();
                _recent.Enqueue(now);
                if (_recent.Count < options.MaxFailures) return;
                _recent.Clear();
                _lockedUntil = now + options.Duration;
            }
        }
    }
}
