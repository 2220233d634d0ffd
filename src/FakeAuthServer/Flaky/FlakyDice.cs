using System.Collections.Concurrent;
using FakeAuthServer.Options;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Flaky;

/// <summary>
/// Decides whether /flaky fails, and holds all of /flaky's state (the one service to reset between tests).
/// A seed names a reproducible sequence: the n-th request that carries seed S gets the n-th draw of
/// <c>new Random(S)</c>, so a retrying client sees the same run of 500s and 200s every time the server starts.
/// Without a seed, draws are random (or follow FakeAuth:Flaky:Seed when configured). ?fail_first counts per
/// client in <see cref="FailFirst"/>; ?delay waits are observable in <see cref="Delays"/>.
/// </summary>
public sealed class FlakyDice
{
    private const int MaxTrackedSeeds = 1024;

    private readonly ConcurrentDictionary<int, Random> _sequences = new();
    private readonly Random? _serverSequence;

    public FlakyDice(IOptions<FakeAuthOptions> options, IFailFirstCounters? failFirst = null)
    {
        FailFirst = failFirst ?? new FailFirstCounters();
        if (options.Value.Flaky.Seed is { } seed) _serverSequence = new Random(seed);
    }

    /// <summary>The per-client counters behind ?fail_first=N.</summary>
    public IFailFirstCounters FailFirst { get; }

    /// <summary>Requests waiting out their ?delay.</summary>
    public Clock.ClockWaits Delays { get; } = new();

    /// <summary>True when this request should fail.</summary>
    public bool Fails(double failureRate, int? seed)
    {
        var draw = seed is { } s ? Draw(SequenceFor(s)) : _serverSequence is { } r ? Draw(r) : Random.Shared.NextDouble();
        return draw < failureRate;
    }

    /// <summary>
    /// Forgets every seeded sequence and every fail_first counter, so each starts again from its first request.
    /// (The configured server-wide sequence goes on; <c>FailFirst.ResetAsync()</c> alone resets only the counters.)
    /// </summary>
    public async ValueTask ResetAsync(CancellationToken cancellationToken = default)
    {
        _sequences.Clear();
        await FailFirst.ResetAsync(cancellationToken);
    }

    private Random SequenceFor(int seed)
    {
        // A known seed is a lock-free lookup (ConcurrentDictionary.Count takes every lock, so only new seeds pay it).
        if (_sequences.TryGetValue(seed, out var known)) return known;
        // Bounded: a client sending endless distinct seeds must not grow memory without limit.
        if (_sequences.Count >= MaxTrackedSeeds) _sequences.Clear();
        return _sequences.GetOrAdd(seed, static s => new Random(s));
    }

    private static double Draw(Random random)
    {
        lock (random) return random.NextDouble();
    }
}
