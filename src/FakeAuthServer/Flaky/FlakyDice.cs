using System.Collections.Concurrent;
using FakeAuthServer.Options;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Flaky;

/// <summary>
/// Decides whether /flaky fails. A seed names a reproducible sequence: the n-th request that carries seed S
/// gets the n-th draw of <c>new Random(S)</c>, so a retrying client sees the same run of 500s and 200s every time
/// the server starts. Without a seed, draws are random (or follow FakeAuth:Flaky:Seed when configured).
/// </summary>
public sealed class FlakyDice
{
    private const int MaxTrackedSeeds = 1024;

    private readonly ConcurrentDictionary<int, Random> _sequences = new();
    private readonly Random? _serverSequence;

    public FlakyDice(IOptions<FakeAuthOptions> options)
    {
        if (options.Value.Flaky.Seed is { } seed) _serverSequence = new Random(seed);
    }

    /// <summary>True when this request should fail.</summary>
    public bool Fails(double failureRate, int? seed)
    {
        var draw = seed is { } s ? Draw(SequenceFor(s)) : _serverSequence is { } r ? Draw(r) : Random.Shared.NextDouble();
        return draw < failureRate;
    }

    /// <summary>Forgets every seeded sequence, so they start again from their first draw.</summary>
    public void Reset() => _sequences.Clear();

    private Random SequenceFor(int seed)
    {
        // Bounded: a client sending endless distinct seeds must not grow memory without limit.
        if (_sequences.Count >= MaxTrackedSeeds && !_sequences.ContainsKey(seed)) _sequences.Clear();
        return _sequences.GetOrAdd(seed, static s => new Random(s));
    }

    private static double Draw(Random random)
    {
        lock (random) return random.NextDouble();
    }
}
