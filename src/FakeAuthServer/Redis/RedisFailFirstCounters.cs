using FakeAuthServer.Flaky;
using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>?fail_first counters in Redis: a client's first N requests fail whichever instances they reach.</summary>
public sealed class RedisFailFirstCounters(IConnectionMultiplexer redis, RedisKeys keys) : IFailFirstCounters
{
    /// <summary>A counter nobody touched for this long is forgotten (the in-memory store bounds by count instead).</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromDays(1);

    // Saturates at N, as the in-memory counter does, so it never grows without bound.
    private const string CountScript = """
        local failed = tonumber(redis.call('GET', KEYS[1]) or '0')
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        if failed >= tonumber(ARGV[1]) then return 0 end
        redis.call('INCR', KEYS[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    public async ValueTask<bool> FailsAsync(ClientKey client, int failures, CancellationToken cancellationToken = default)
    {
        if (failures <= 0) return false;
        var key = keys.FailFirst($"{client.Source}:{client.Id}", failures);
        return (int)await redis.GetDatabase().ScriptEvaluateAsync(CountScript, [key],
            [failures, (long)Idle.TotalMilliseconds]) == 1;
    }

    public async ValueTask ResetAsync(CancellationToken cancellationToken = default) =>
        await RedisScan.DeleteAsync(redis, keys.Pattern("failfirst:"));
}
