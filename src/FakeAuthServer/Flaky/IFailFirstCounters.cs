namespace FakeAuthServer.Flaky;

/// <summary>
/// The per-client counters behind ?fail_first=N: in memory by default (<see cref="FailFirstCounters"/>), in Redis
/// when instances share state, so a client's run of failures is counted across all of them.
/// </summary>
public interface IFailFirstCounters
{
    /// <summary>True when this request, the next one of <paramref name="client"/>, is one of its first <paramref name="failures"/>.</summary>
    ValueTask<bool> FailsAsync(ClientKey client, int failures, CancellationToken cancellationToken = default);

    /// <summary>Forgets every client: each starts its run of failures again.</summary>
    ValueTask ResetAsync(CancellationToken cancellationToken = default);
}
