using FakeAuthServer.Auth.TwoFactor;
using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>The last accepted TOTP step per user, in Redis: a code used on one instance is refused on every other.</summary>
public sealed class RedisTotpReplayGuard(IConnectionMultiplexer redis, RedisKeys keys) : ITotpReplayGuard
{
    /// <summary>Far longer than any code's window (a few 30 s steps), so forgetting a user can never re-open a code.</summary>
    private static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    private const string AcceptScript = """
        local last = tonumber(redis.call('GET', KEYS[1]))
        if last and tonumber(ARGV[1]) <= last then return 0 end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return 1
        """;

    public async ValueTask<bool> TryAcceptAsync(string user, long step, CancellationToken cancellationToken = default) =>
        (int)await redis.GetDatabase().ScriptEvaluateAsync(AcceptScript, [keys.TotpStep(user)],
            [step, (long)Memory.TotalMilliseconds]) == 1;

    public async ValueTask ClearAsync(CancellationToken cancellationToken = default) =>
        await RedisScan.DeleteAsync(redis, keys.Pattern("totp:"));
}
