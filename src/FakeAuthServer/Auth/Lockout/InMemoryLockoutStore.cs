using System.Collections.Concurrent;

namespace FakeAuthServer.Auth.Lockout;

/// <summary>The embedded default: a bounded dictionary of per-user failure records.</summary>
public sealed class InMemoryLockoutStore : ILockoutStore
{
    private const int MaxTrackedUsers = 10_000;
    private readonly ConcurrentDictionary<string, FailureRecord> _failures = new(StringComparer.Ordinal);

    public ValueTask<TimeSpan?> LockedForAsync(string user, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_failures.TryGetValue(user, out var record) ? record.LockedFor(now) : null);

    public ValueTask RecordFailureAsync(string user, DateTimeOffset now, LockoutOptions options, CancellationToken cancellationToken = default)
    {
        if (_failures.Count >= MaxTrackedUsers && !_failures.ContainsKey(user)) _failures.Clear();
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

    private sealed class FailureRecord
    {
        private readonly Queue<DateTimeOffset> _recent = new();
        private DateTimeOffset _lockedUntil;

        public TimeSpan? LockedFor(DateTimeOffset now)
        {
            lock (_recent) return now < _lockedUntil ? _lockedUntil - now : null;
        }

        public void Fail(DateTimeOffset now, LockoutOptions options)
        {
            lock (_recent)
            {
                while (_recent.Count > 0 && _recent.Peek() <= now - options.Window) _recent.Dequeue();
                _recent.Enqueue(now);
                if (_recent.Count < options.MaxFailures) return;
                _recent.Clear();
                _lockedUntil = now + options.Duration;
            }
        }
    }
}
