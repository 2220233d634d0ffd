using FakeAuthServer.Auth.Forms.TwoFactor;
using FakeAuthServer.Sessions;
using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>Pending 2FA logins in Redis: the password can reach one instance and the code another.</summary>
public sealed class RedisPendingLogins(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider clock) : IPendingLogins
{
    // -1 when the pending login is gone: HINCRBY must not re-create it as a bare hash.
    private const string FailScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
        return redis.call('HINCRBY', KEYS[1], 'failures', 1)
        """;

    private IDatabase Db => redis.GetDatabase();

    public async ValueTask<PendingLogin> CreateAsync(string user, string next, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var login = new PendingLogin(SessionIds.New(), user, next, now + PendingLogins.Lifetime);
        var key = keys.PendingLogin(login.Id);
        await Db.HashSetAsync(key, [new("user", user), new("next", next), new("expires", login.ExpiresAt.UtcTicks)]);
        await Db.KeyExpireAsync(key, RedisScan.TtlUntil(login.ExpiresAt, now));
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
        (long)await Db.ScriptEvaluateAsync(FailScript, [keys.PendingLogin(login.Id)]) is var failures &&
        (failures < 0 || failures >= PendingLogins.MaxAttempts);

    public async ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default) =>
        SessionIds.HasValidShape(id) && await Db.KeyDeleteAsync(keys.PendingLogin(id));
}
