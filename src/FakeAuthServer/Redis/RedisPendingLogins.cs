using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Sessions;
using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>Pending 2FA logins in Redis: the password can reach one instance and the code another.</summary>
public sealed class RedisPendingLogins(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider clock) : IPendingLogins
{
    // KEYS: clock, pending login. ARGV: offset, ttl ms, then field/value pairs. The hash never exists without its TTL,
    // and its expiry is drawn on the shared clock (the form login that makes it may have touched no other store).
    private const string CreateScript = ClockCheckedScript.Prelude + """
        redis.call('HSET', KEYS[2], unpack(ARGV, 3))
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return {1}
        """;

    private IDatabase Db => redis.GetDatabase();

    public async ValueTask<PendingLogin> CreateAsync(string user, string next, CancellationToken cancellationToken = default)
    {
        PendingLogin login = null!;
        await ClockCheckedScript.EvaluateAsync(Db, keys, clock, CreateScript, now =>
        {
            login = new PendingLogin(SessionIds.New(), user, next, now + PendingLogins.Lifetime);
            return ([keys.PendingLogin(login.Id)],
            [
                (long)RedisScan.TtlUntil(login.ExpiresAt, now).TotalMilliseconds,
                "user", user, "next", next, "expires", login.ExpiresAt.UtcTicks,
            ]);
        });
        return login;
    }

    public async ValueTask<PendingLogin?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!SessionIds.HasValidShape(id)) return null;
        var fields = (await Db.HashGetAllAsync(keys.PendingLogin(id))).ToDictionary(e => e.Name.ToString(), e => e.Value);
        if (!fields.TryGetValue("user", out var user) || !fields.TryGetValue("next", out var next) ||
            !fields.TryGetValue("expires", out var expires)) return null;
        var login = new PendingLogin(id, user!, next!, new DateTimeOffset((long)expires, TimeSpan.Zero));
        return clock.GetUtcNow() < login.ExpiresAt ? login : null;
    }

    public async ValueTask<bool> FailAndExhaustedAsync(PendingLogin login, CancellationToken cancellationToken = default) =>
        await RedisHashCounter.IncrementAsync(Db, keys.PendingLogin(login.Id), "failures") is var failures &&
        (failures < 0 || failures >= PendingLogins.MaxAttempts);

    public async ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default) =>
        SessionIds.HasValidShape(id) && await Db.KeyDeleteAsync(keys.PendingLogin(id));
}
