using FakeAuthServer.Auth.Lockout;
using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>
/// Lockout records in Redis, so wrong passwords sent to different instances count together: a sorted set of recent
/// failure times per user (trimmed to the window) and a lock key holding the lock's end, with matching TTLs.
/// </summary>
public sealed class RedisLockoutStore(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider clock) : ILockoutStore, IOneStepLockout
{
    /// <summary>Without the server clock the store cannot follow the shared clock offset inside its scripts.</summary>
    public RedisLockoutStore(IConnectionMultiplexer redis, RedisKeys keys) : this(redis, keys, TimeProvider.System)
    {
    }

    // Mirrors the in-memory record: drop failures at or before now - window, add this one, lock at the max. One
    // definition for both scripts that record a failure, so the rule cannot drift between them.
    private const string RecordFailureFunction = """
        local function record_failure(failures, lock, now_ms, window_ms, max, lock_end, lock_ms, member)
          redis.call('ZREMRANGEBYSCORE', failures, '-inf', tonumber(now_ms) - tonumber(window_ms))
          redis.call('ZADD', failures, now_ms, member)
          redis.call('PEXPIRE', failures, window_ms)
          if redis.call('ZCARD', failures) >= tonumber(max) then
            redis.call('DEL', failures)
            redis.call('SET', lock, lock_end, 'PX', lock_ms)
          end
        end
        """ + "\n";

    // KEYS: failures, lock. ARGV: now ms, window ms, max failures, lock end (ticks), lock ms, a unique member.
    private const string FailScript = RecordFailureFunction + """
        record_failure(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6])
        return 1
        """;

    // The two halves of a password attempt, apart so that the session store's login script can put its own check
    // between them (see RedisSessionStore). locked_until: the lock's end while it holds at now, else nil.
    // apply: the attempt's consequence ('none', 'forget', 'fail'), then FailScript's ARGV.
    internal const string AttemptFunctions = RecordFailureFunction + """
        local function locked_until(lock, now)
          local stop = redis.call('GET', lock)
          if stop and before(now, stop) then return stop end
          return nil
        end
        local function apply(failures, lock, consequence, now_ms, window_ms, max, lock_end, lock_ms, member)
          if consequence == 'forget' then
            redis.call('DEL', failures, lock)
          elseif consequence == 'fail' then
            record_failure(failures, lock, now_ms, window_ms, max, lock_end, lock_ms, member)
          end
        end
        """ + "\n";

    // KEYS: clock, failures, lock. ARGV: offset, then AttemptArguments. {1, lock end} while locked (nothing changed),
    // else {1, ''} after the consequence.
    private const string AttemptScript = ClockCheckedScript.Prelude + AttemptFunctions + """
        local stop = locked_until(KEYS[3], ARGV[2])
        if stop then return {1, stop} end
        apply(KEYS[2], KEYS[3], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9])
        return {1, ''}
        """;

    // KEYS: clock, lock. ARGV: offset. {1, lock end or ''}.
    private const string LockScript = ClockCheckedScript.Prelude + """
        return {1, redis.call('GET', KEYS[2]) or ''}
        """;

    private IDatabase Db => redis.GetDatabase();

    async ValueTask<TimeSpan?> IOneStepLockout.LockedForElseAsync(string user, AttemptConsequence then, LockoutOptions options,
        CancellationToken cancellationToken)
    {
        var (result, now, _) = await ClockCheckedScript.EvaluateAsync(Db, keys, clock, AttemptScript,
            [keys.LockoutFailures(user), keys.LockoutUntil(user)], now => AttemptArguments(now, then, options));
        return LockLeft((RedisValue)result[1], now);
    }

    /// <summary>ARGV for <see cref="AttemptFunctions"/> from the second on: now (ticks), the consequence, FailScript's ARGV.</summary>
    internal static RedisValue[] AttemptArguments(DateTimeOffset now, AttemptConsequence then, LockoutOptions options) =>
    [
        ClockCheckedScript.Ticks(now),
        then switch { AttemptConsequence.Forget => "forget", AttemptConsequence.RecordFailure => "fail", _ => "none" },
        .. FailArgs(now, options),
    ];

    /// <summary>The time left on a lock whose end (ticks) a script returned, or null for none ('').</summary>
    internal static TimeSpan? LockLeft(RedisValue stop, DateTimeOffset now) =>
        stop.IsNullOrEmpty ? null : new DateTimeOffset((long)stop, TimeSpan.Zero) - now;

    public async ValueTask<TimeSpan?> LockedForAsync(string user, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var answer = await ClockCheckedScript.EvaluateAsync(Db, keys, clock, LockScript, [keys.LockoutUntil(user)], static _ => []);
        if (answer.CaughtUp) now = answer.Now; // another instance had moved the clock on: judge on the shared time
        var until = (RedisValue)answer.Result[1];
        if (until.IsNullOrEmpty) return null;
        var end = new DateTimeOffset((long)until, TimeSpan.Zero);
        return now < end ? end - now : null;
    }

    public async ValueTask RecordFailureAsync(string user, DateTimeOffset now, LockoutOptions options, CancellationToken cancellationToken = default)
    {
        await Db.ScriptEvaluateAsync(FailScript, [keys.LockoutFailures(user), keys.LockoutUntil(user)], FailArgs(now, options));
    }

    private static RedisValue[] FailArgs(DateTimeOffset now, LockoutOptions options) =>
    [
        now.ToUnixTimeMilliseconds(), Milliseconds(options.Window), options.MaxFailures, (now + options.Duration).UtcTicks,
        Milliseconds(options.Duration), $"{now.UtcTicks}:{Guid.NewGuid():N}",
    ];

    public async ValueTask ForgetAsync(string user, CancellationToken cancellationToken = default) =>
        await Db.KeyDeleteAsync([keys.LockoutFailures(user), keys.LockoutUntil(user)]);

    public async ValueTask ClearAsync(CancellationToken cancellationToken = default) =>
        await RedisScan.DeleteAsync(redis, keys.Pattern("lockout:"));

    private static long Milliseconds(TimeSpan span) => Math.Max(1, (long)Math.Ceiling(span.TotalMilliseconds));
}
