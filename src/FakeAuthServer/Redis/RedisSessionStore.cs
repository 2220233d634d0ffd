using FakeAuthServer.Auth;
using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Options;
using FakeAuthServer.Sessions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>
/// Sessions as Redis hashes, one per session id, so every instance sees a login, a logout and an expiry. Each key's
/// TTL is the session's end on the server clock when last written; lookups still judge expiry on that clock, so an
/// advance through the admin API ends sessions everywhere before Redis would drop them.
/// </summary>
public sealed class RedisSessionStore(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider clock, IOptions<FakeAuthOptions> options)
    : ISessionStore, IOneStepSessionLogin
{
    // Moves last use forward only (a late, concurrent touch never shortens the session) and re-arms the TTL with it.
    private const string TouchScript = """
        local seen = tonumber(redis.call('HGET', KEYS[1], 'seen'))
        if seen and tonumber(ARGV[1]) > seen then
          redis.call('HSET', KEYS[1], 'seen', ARGV[1])
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 1
        """;

    // A new session's hash from ARGV[first] on (ttl ms, then field/value pairs); one definition for both scripts.
    private const string WriteFunction = """
        local function write_session(key, first)
          redis.call('HSET', key, unpack(ARGV, first + 1))
          redis.call('PEXPIRE', key, ARGV[first])
        end
        """ + "\n";

    // KEYS: clock, session. ARGV: offset, then NewSessionArguments. {2} when the id is taken.
    private const string CreateScript = ClockCheckedScript.Prelude + WriteFunction + """
        if redis.call('EXISTS', KEYS[2]) == 1 then return {2} end
        write_session(KEYS[2], 2)
        return {1}
        """;

    // An accepted password login in one round trip (issue 17). KEYS: clock, failures, lock, the new session, then the
    // sessions the browser carried. ARGV: offset, RedisLockoutStore.AttemptArguments (8), then NewSessionArguments.
    // {1, lock end} while locked (nothing changed), {2} when the id is taken (nothing changed), else {1, ''}.
    private const string LoginScript = ClockCheckedScript.Prelude + RedisLockoutStore.AttemptFunctions + WriteFunction + """
        local stop = locked_until(KEYS[3], ARGV[2])
        if stop then return {1, stop} end
        if redis.call('EXISTS', KEYS[4]) == 1 then return {2} end
        apply(KEYS[2], KEYS[3], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9])
        for i = 5, #KEYS do redis.call('DEL', KEYS[i]) end
        write_session(KEYS[4], 10)
        return {1, ''}
        """;

    // KEYS: clock, session. ARGV: offset, now (ticks). {1, touched, user, created, end, idle, seen} (false for a
    // missing field): the lookup and, for a live session, the touch above in one round trip (the absolute end
    // compared exactly, the idle end in doubles). HMGET of the five fields, not HGETALL into a table: this runs on
    // every Redis-mode /protected and /api/me, and building the table was a third of the script's time (issue 17).
    private const string FindScript = ClockCheckedScript.Prelude + """
        local v = redis.call('HMGET', KEYS[2], 'user', 'created', 'end', 'idle', 'seen')
        local now, stop, seen = ARGV[2], v[3], v[5]
        local idle = tonumber(v[4] or '0') or 0
        local touched = 0
        if seen and stop and before(now, stop) and (idle <= 0 or tonumber(now) < tonumber(seen) + idle) then
          touched = 1
          if before(seen, now) then
            local expires = tonumber(stop)
            if idle > 0 and tonumber(now) + idle < expires then expires = tonumber(now) + idle end
            redis.call('HSET', KEYS[2], 'seen', now)
            redis.call('PEXPIRE', KEYS[2], math.max(1, math.floor((expires - tonumber(now)) / 10000)))
          end
        end
        return {1, touched, v[1], v[2], v[3], v[4], v[5]}
        """;

    private readonly FakeAuthOptions _options = options.Value;
    private IDatabase Db => redis.GetDatabase();

    public async ValueTask<ServerSession> CreateAsync(string user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        while (true)
        {
            ServerSession session = null!;
            var answer = await ClockCheckedScript.EvaluateAsync(Db, keys, clock, CreateScript, now =>
            {
                session = ServerSession.Start(user, now, _options);
                return ([keys.Session(session.Id)], NewSessionArguments(session, now));
            });
            if ((long)answer.Result[0] == 1) return session; // else the id was taken: draw another
        }
    }

    async ValueTask<(TimeSpan? LockedFor, ServerSession? Session)> IOneStepSessionLogin.StartUnlessLockedAsync(string user,
        AttemptConsequence then, LockoutOptions lockout, IReadOnlyList<string> carriedIds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        while (true)
        {
            ServerSession session = null!;
            var answer = await ClockCheckedScript.EvaluateAsync(Db, keys, clock, LoginScript, now =>
            {
                session = ServerSession.Start(user, now, _options);
                var sessionKeys = new RedisKey[3 + carriedIds.Count];
                (sessionKeys[0], sessionKeys[1], sessionKeys[2]) = (keys.LockoutFailures(user), keys.LockoutUntil(user), keys.Session(session.Id));
                for (var i = 0; i < carriedIds.Count; i++) sessionKeys[3 + i] = keys.Session(carriedIds[i]);
                return (sessionKeys, [.. RedisLockoutStore.AttemptArguments(now, then, lockout), .. NewSessionArguments(session, now)]);
            });
            if ((long)answer.Result[0] == 2) continue; // the id was taken: draw another
            if (RedisLockoutStore.LockLeft((RedisValue)answer.Result[1], answer.Now) is { } left) return (left, null);
            return (null, session);
        }
    }

    private RedisValue[] NewSessionArguments(ServerSession session, DateTimeOffset now) =>
    [
        (long)RedisScan.TtlUntil(session.ExpiresAt, now).TotalMilliseconds,
        "user", session.User,
        "created", Ticks(session.Created),
        "end", Ticks(session.AbsoluteExpiresAt),
        "idle", session.IdleTimeout?.Ticks ?? 0,
        "seen", Ticks(session.LastSeen),
    ];

    public async ValueTask<ServerSession?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!SessionIds.HasValidShape(id)) return null;
        var key = keys.Session(id);
        var (result, now, _) = await ClockCheckedScript.EvaluateAsync(Db, keys, clock, FindScript, [key],
            now => [ClockCheckedScript.Ticks(now)]);
        if (Restore(id, (RedisValue)result[2], (RedisValue)result[3], (RedisValue)result[4], (RedisValue)result[5],
                (RedisValue)result[6]) is not { } session)
            return null;

        // The script judged expiry in doubles; this is the exact judgement, and the rare disagreement at the very
        // edge is settled here with the round trip the script saved.
        if (session.IsExpiredAt(now))
        {
            await Db.KeyDeleteAsync(key);
            return null;
        }
        session.Touch(now);
        if ((long)result[1] == 0)
            await Db.ScriptEvaluateAsync(TouchScript, [key],
                [Ticks(now), (long)RedisScan.TtlUntil(session.ExpiresAt, now).TotalMilliseconds]);
        return session;
    }

    public async ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default) =>
        SessionIds.HasValidShape(id) && await Db.KeyDeleteAsync(keys.Session(id));

    /// <summary>Redis drops expired keys itself (TTL); nothing to sweep here.</summary>
    public int PurgeExpired() => 0;

    public async ValueTask<IReadOnlyList<ServerSession>> ListAsync(int max, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var live = new List<ServerSession>();
        var prefix = keys.Session("").ToString();
        await foreach (var key in RedisScan.KeysAsync(redis, keys.Pattern("session:")))
        {
            var id = key.ToString()[prefix.Length..];
            if (Read(id, await Db.HashGetAllAsync(key)) is { } session && !session.IsExpiredAt(now)) live.Add(session);
            if (live.Count >= 10 * max) break; // bounded: the admin view is a sample of the soonest to expire
        }
        return live.OrderBy(s => s.ExpiresAt).Take(max).ToList();
    }

    public async ValueTask ClearAsync(CancellationToken cancellationToken = default) =>
        await RedisScan.DeleteAsync(redis, keys.Pattern("session:"));

    /// <summary>The session a hash holds; null when absent or not written by this store (a stray or partial key).</summary>
    private static ServerSession? Read(string id, HashEntry[] fields)
    {
        RedisValue user = default, created = default, end = default, idle = default, seen = default;
        foreach (var field in fields)
        {
            switch (field.Name.ToString())
            {
                case "user": user = field.Value; break;
                case "created": created = field.Value; break;
                case "end": end = field.Value; break;
                case "idle": idle = field.Value; break;
                case "seen": seen = field.Value; break;
            }
        }
        return Restore(id, user, created, end, idle, seen);
    }

    /// <summary>The session from its stored fields (null values for missing ones), as <see cref="Read"/> says.</summary>
    private static ServerSession? Restore(string id, RedisValue userField, RedisValue createdField, RedisValue endField,
        RedisValue idleField, RedisValue seenField)
    {
        string? user = userField;
        long created = (long)createdField, end = (long)endField, idle = (long)idleField, seen = (long)seenField;
        if (string.IsNullOrEmpty(user) || created <= 0 || end <= 0) return null;
        return ServerSession.Restore(id, user, At(created), At(end), idle > 0 ? TimeSpan.FromTicks(idle) : null, At(Math.Max(seen, created)));
    }

    private static long Ticks(DateTimeOffset at) => at.UtcTicks;
    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);
}
