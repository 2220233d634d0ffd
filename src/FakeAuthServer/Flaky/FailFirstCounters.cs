using System.Collections.Concurrent;

namespace FakeAuthServer.Flaky;

/// <summary>
/// ?fail_first=N: the first N requests of each client fail, every later one succeeds until <see cref="Reset"/>.
/// A counter belongs to a client AND its N, so fail_first=2 and fail_first=3 from the same client are separate,
/// exact runs. Memory is bounded: when a new counter would pass <see cref="Capacity"/>, every counter is forgotten
/// (those clients start their run again) — crude, but predictable, and a test suite never gets near the bound.
/// </summary>
public sealed class FailFirstCounters(int capacity = FailFirstCounters.DefaultCapacity) : IFailFirstCounters
{
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<(ClientKey Client, int Failures), Counter> _counters = new();
    private readonly Lock _adding = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>How many counters are held now (at most <see cref="Capacity"/>).</summary>
    public int Count => _counters.Count;

    /// <summary>True when this request, the next one of <paramref name="client"/>, is one of its first <paramref name="failures"/>.</summary>
    public bool Fails(ClientKey client, int failures)
    {
        if (failures <= 0) return false;
        var key = (client, failures);
        // Lock-free for a known client; only a new client takes the lock, to keep the bound exact.
        return (_counters.TryGetValue(key, out var counter) ? counter : Add(key)).TryCountFailure(failures);
    }

    /// <summary>Forgets every client: each starts its run of failures again.</summary>
    public void Reset() => _counters.Clear();

    public ValueTask<bool> FailsAsync(ClientKey client, int failures, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Fails(client, failures));

    public ValueTask ResetAsync(CancellationToken cancellationToken = default)
    {
        Reset();
        return ValueTask.CompletedTask;
    }

    private Counter Add((ClientKey, int) key)
    {
        lock (_adding)
        {
            if (_counters.Count >= Capacity && !_counters.ContainsKey(key)) _counters.Clear();
            return _counters.GetOrAdd(key, static _ => new Counter());
        }
    }

    private sealed class Counter
    {
        private int _failed;

        /// <summary>Counts one more failure unless <paramref name="failures"/> are done; saturates, so it never wraps.</summary>
        public bool TryCountFailure(int failures)
        {
            while (true)
            {
                var failed = Volatile.Read(ref _failed);
                if (failed >= failures) return false;
                if (Interlocked.CompareExchange(ref _failed, failed + 1, failed) == failed) return true;
            }
        }
    }
}
