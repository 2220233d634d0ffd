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
    : ISessionStore
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

    private readonly FakeAuthOptions _options = options.Value;
    private IDatabase Db => redis.GetDatabase();

    public async ValueTask<ServerSession> CreateAsync(string user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        while (true)
        {
            var now = clock.GetUtcNow();
            var session = ServerSession.Start(user, now, _options);
            var key = keys.Session(session.Id);
            var create = Db.CreateTransaction();
            create.AddCondition(Condition.KeyNotExists(key));
            _ = create.HashSetAsync(key,
            [
                new("user", user),
                new("created", Ticks(session.Created)),
                new("end", Ticks(session.AbsoluteExpiresAt)),
                new("idle", session.IdleTimeout?.Ticks ?? 0),
                new("seen", Ticks(session.LastSeen)),
            ]);
            _ = create.KeyExpireAsync(key, RedisScan.TtlUntil(session.ExpiresAt, now));
            if (await create.ExecuteAsync()) return session;
        }
    }

    public async ValueTask<ServerSession?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!SessionIds.HasValidShape(id)) return null;
        var key = keys.Session(id);
        if (Read(id, await Db.HashGetAllAsync(key)) is not { } session) return null;

        var now = clock.GetUtcNow();
        if (session.IsExpiredAt(now))
        {
            await Db.KeyDeleteAsync(key);
            return null;
        }
        session.Touch(now);
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
        if (fields.Length == 0) return null;
        string? user = null;
        long created = 0, end = 0, idle = 0, seen = 0;
        foreach (var field in fields)
        {
            switch (field.Name.ToString())
            {
                case "user": user = field.Value; break;
                case "created": created = (long)field.Value; break;
                case "end": end = (long)field.Value; break;
                case "idle": idle = (long)field.Value; break;
                case "seen": seen = (long)field.Value; break;
            }
        }
        if (string.IsNullOrEmpty(user) || created <= 0 || end <= 0) return null;
        return ServerSession.Restore(id, user, At(created), At(end), idle > 0 ? TimeSpan.FromTicks(idle) : null, At(Math.Max(seen, created)));
    }

    private static long Ticks(DateTimeOffset at) => at.UtcTicks;
    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);
}
