namespace FakeAuthServer.Auth.TwoFactor;

/// <summary>RFC 6238 §5.2: each code once. In memory by default (<see cref="TotpReplayGuard"/>), in Redis when shared.</summary>
public interface ITotpReplayGuard
{
    /// <summary>True exactly once per (user, step), and never for a step older than one already accepted.</summary>
    ValueTask<bool> TryAcceptAsync(string user, long step, CancellationToken cancellationToken = default);

    /// <summary>Forgets every accepted step (the admin API's reset: a fresh server has seen no code).</summary>
    ValueTask ClearAsync(CancellationToken cancellationToken = default);
}
