using FakeAuthServer.Auth.Lockout;
using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>
/// Lockout records in Redis, so wrong passwords sent to different instances count together: a sorted set of recent
/// failure times per user (trimmed to the window) and a lock key holding the lock's end, with matching TTLs.
/// </summary>
public sealed class RedisLockoutStore(IConnectionMultiplexer redis, RedisKeys keys) : ILockoutStore
{
    // KEYS: failures, lock. ARGV: now ms, window ms, max failures, lock end (ticks), lock ms, a unique member.
    // Mirrors the in-memory record: drop failures at or before now - window, add this one, lock at the max.
    private const string FailScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[6])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
          redis.call('DEL', KEYS[1])
          redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[5])
        end
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    public async ValueTask<TimeSpan?> LockedForAsync(string user, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var until = await Db.StringGetAsync(keys.LockoutUntil(user));
        if (until.IsNull) return null;
        var end = new DateTimeOffset((long)until, TimeSpan.Zero);
        return now < end ? end - now : null;
    }

    public async ValueTask RecordFailureAsync(string user, DateTimeOffset now, LockoutOptions options, CancellationToken cancellationToken = default)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        await Db.ScriptEvaluateAsync(FailScript, [keys.LockoutFailures(user), keys.LockoutUntil(user)],
        [
            nowMs, Milliseconds(options.Window), options.MaxFailures, (now + options.Duration).UtcTicks,
            Milliseconds(options.Duration), $"{now.UtcTicks}:{Guid.NewGuid():N}",
        ]);
    }

    public async ValueTask ForgetAsync(string user, CancellationToken cancellationToken = default) =>
        await Db.KeyDeleteAsync([keys.LockoutFailures(user), keys.LockoutUntil(user)]);

    public async ValueTask ClearAsync(CancellationToken cancellationToken = default) =>
        await RedisScan.DeleteAsync(redis, keys.Pattern("lockout:"));

    private static long Milliseconds(TimeSpan span) => Math.Max(1, (long)Math.Ceiling(span.TotalMilliseconds));
}
