using System.Collections.Concurrent;
using FakeAuthServer.Users;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Lockout;

/// <summary>
/// Every password check goes through here, so no login endpoint can be used to get round the lockout:
/// <see cref="LockoutOptions.MaxFailures"/> wrong passwords for one user within the window (each answered as
/// usual) lock that user for <see cref="LockoutOptions.Duration"/>; while locked every attempt, even with the
/// right password, gets 429 with Retry-After. Keyed by user name, as
/// real account lockouts are (unknown names too, so probing costs the same). Bounded in memory.
/// </summary>
public sealed class LoginGuard(UserDirectory users, TimeProvider clock, IOptions<LockoutOptions> options)
{
    private const int MaxTrackedUsers = 10_000;
    private readonly ConcurrentDictionary<string, FailureRecord> _failures = new(StringComparer.Ordinal);
    private readonly LockoutOptions _options = options.Value;

    public LoginOutcome Attempt(string user, string password)
    {
        if (!_options.Enabled) return new(users.Verify(user, password) ? LoginResult.Accepted : LoginResult.Rejected);

        var now = clock.GetUtcNow();
        if (_failures.TryGetValue(user, out var record) && record.LockedFor(now) is { } wait)
            return new(LoginResult.LockedOut, wait);

        if (users.Verify(user, password))
        {
            _failures.TryRemove(user, out _);
            return new(LoginResult.Accepted);
        }

        if (_failures.Count >= MaxTrackedUsers && !_failures.ContainsKey(user)) _failures.Clear();
        _failures.GetOrAdd(user, static _ => new FailureRecord()).Fail(now, _options);
        return new(LoginResult.Rejected);
    }

    /// <summary>Forgets every failure and lock (the admin API's reset).</summary>
    public void Reset() => _failures.Clear();

    private sealed class FailureRecord
    {
        private readonly Queue<DateTimeOffset> _recent = new();
        private DateTimeOffset _lockedUntil;

        public TimeSpan? LockedFor(DateTimeOffset now)
        {
            lock (_recent) return now < _lockedUntil ? _lockedUntil - now : null;
        }

        /// <summary>Records a failure; the one that reaches MaxFailures within the window starts the lock.</summary>
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
