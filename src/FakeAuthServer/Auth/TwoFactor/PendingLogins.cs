using System.Collections.Concurrent;
using FakeAuthServer.Sessions;

namespace FakeAuthServer.Auth.TwoFactor;

/// <summary>A password that passed, waiting for its TOTP code; not a session, so /protected and /dashboard refuse it.</summary>
public sealed record PendingLogin(string Id, string User, string Next, DateTimeOffset ExpiresAt)
{
    private int _failures;

    /// <summary>Counts a wrong code; true when the pending login has used up its attempts.</summary>
    internal bool FailAndExhausted() => Interlocked.Increment(ref _failures) >= PendingLogins.MaxAttempts;
}

/// <summary>Pending 2FA logins keyed by the pending_2fa cookie: short-lived, few attempts, bounded in number.</summary>
public sealed class PendingLogins(TimeProvider clock) : IPendingLogins
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public const int MaxAttempts = 5;
    public const int MaxPending = 10_000;

    private readonly ConcurrentDictionary<string, PendingLogin> _pending = new(StringComparer.Ordinal);

    public int Count => _pending.Count;

    public PendingLogin Create(string user, string next)
    {
        if (_pending.Count >= MaxPending) MakeRoom();
        var pending = new PendingLogin(SessionIds.New(), user, next, clock.GetUtcNow() + Lifetime);
        _pending[pending.Id] = pending;
        return pending;
    }

    public PendingLogin? Find(string id)
    {
        if (!SessionIds.HasValidShape(id) || !_pending.TryGetValue(id, out var pending)) return null;
        if (clock.GetUtcNow() < pending.ExpiresAt) return pending;
        _pending.TryRemove(id, out _);
        return null;
    }

    /// <summary>True for the one caller that removes it, so a code cannot complete the same pending login twice.</summary>
    public bool Remove(string id) => _pending.TryRemove(id, out _);

    public ValueTask<PendingLogin> CreateAsync(string user, string next, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Create(user, next));

    public ValueTask<PendingLogin?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Find(id));

    public ValueTask<bool> FailAndExhaustedAsync(PendingLogin login, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(login.FailAndExhausted());

    public ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Remove(id));

    /// <summary>Drops the expired; if still full (a flood of password logins), the soonest to expire go too.</summary>
    private void MakeRoom()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, pending) in _pending)
            if (now >= pending.ExpiresAt) _pending.TryRemove(id, out _);
        var excess = _pending.Count - MaxPending + 1;
        if (excess <= 0) return;
        foreach (var pending in _pending.Values.OrderBy(p => p.ExpiresAt).Take(Math.Max(excess, MaxPending / 10)).ToList())
            _pending.TryRemove(pending.Id, out _);
    }
}
