using System.Collections.Concurrent;

namespace FakeAuthServer.Auth.TwoFactor;

/// <summary>
/// RFC 6238 §5.2: a code is accepted once. Remembers the last accepted step per user and refuses that step and any
/// earlier one, so an observed code cannot be replayed within its window. One entry per 2FA user: bounded by config.
/// </summary>
internal sealed class TotpReplayGuard : ITotpReplayGuard
{
    private readonly ConcurrentDictionary<string, long> _lastAccepted = new(StringComparer.Ordinal);

    public ValueTask<bool> TryAcceptAsync(string user, long step, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TryAccept(user, step));

    public ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        _lastAccepted.Clear();
        return ValueTask.CompletedTask;
    }

    /// <summary>True exactly once per (user, step), and never for a step older than one already accepted.</summary>
    public bool TryAccept(string user, long step)
    {
        while (true)
        {
            if (!_lastAccepted.TryGetValue(user, out var last))
            {
                if (_lastAccepted.TryAdd(user, step)) return true;
                continue;
            }
            if (step <= last) return false;
            if (_lastAccepted.TryUpdate(user, step, last)) return true;
        }
    }
}
