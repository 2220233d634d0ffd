using FakeAuthServer.Auth.Tokens;
using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>
/// Access tokens, refresh tokens and authorization codes as Redis hashes keyed by the token's SHA-256 (the token
/// itself is never stored), plus one set per family so a replay can revoke the whole family on every instance.
/// Single use is a guarded HINCRBY (<see cref="RedisHashCounter"/>): exactly one redemption, on whichever instance, sees 1.
/// </summary>
public sealed class RedisTokenStore(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider clock) : ITokenStore
{
    // KEYS: token, family. ARGV: ttl ms, token key name, then field/value pairs. 0 when the key already exists.
    private const string AddScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], unpack(ARGV, 3))
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        redis.call('SADD', KEYS[2], ARGV[2])
        if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[2], ARGV[1]) end
        return 1
        """;

    private const string RevokeFamilyScript = """
        local revoked = 0
        for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do revoked = revoked + redis.call('DEL', key) end
        redis.call('DEL', KEYS[1])
        return revoked
        """;

    // KEYS: clock, token. ARGV: offset. {1, field, value, …}: the token's hash after the shared clock check.
    private const string FindScript = ClockCheckedScript.Prelude + """
        local answer = {1}
        for _, item in ipairs(redis.call('HGETALL', KEYS[2])) do answer[#answer + 1] = item end
        return answer
        """;

    private IDatabase Db => redis.GetDatabase();

    public async ValueTask<string> AddAsync(StoredToken token, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var ttl = (long)RedisScan.TtlUntil(token.ExpiresAt, now).TotalMilliseconds;
        while (true)
        {
            var value = TokenValues.New();
            var key = keys.Token(TokenValues.KeyOf(value));
            RedisValue[] args = [ttl, key.ToString(), .. StoredTokenFields.Write(token)];
            if ((int)await Db.ScriptEvaluateAsync(AddScript, [key, keys.TokenFamily(token.Grant.Family)], args) == 1) return value;
        }
    }

    public async ValueTask<StoredToken?> FindAsync(TokenKind kind, string value, CancellationToken cancellationToken = default) =>
        await LiveAsync(kind, value) is { Token: var token, Redeemed: false } ? token : null;

    public async ValueTask<Redemption?> RedeemAsync(TokenKind kind, string value, CancellationToken cancellationToken = default)
    {
        if (await LiveAsync(kind, value) is not { Token: var token, Key: var key }) return null;
        var uses = await RedisHashCounter.IncrementAsync(Db, key, "redeemed");
        return uses < 0 ? null : new Redemption(token, FirstUse: uses == 1);
    }

    public async ValueTask<int> RevokeFamilyAsync(string family, CancellationToken cancellationToken = default) =>
        (int)await Db.ScriptEvaluateAsync(RevokeFamilyScript, [keys.TokenFamily(family)]);

    /// <summary>Redis drops expired keys itself (TTL); nothing to sweep here.</summary>
    public int PurgeExpired() => 0;

    public async ValueTask ClearAsync(CancellationToken cancellationToken = default) =>
        await RedisScan.DeleteAsync(redis, keys.Pattern("token:"), keys.Pattern("family:"));

    private async Task<(StoredToken Token, bool Redeemed, RedisKey Key)?> LiveAsync(TokenKind kind, string value)
    {
        if (!TokenValues.HasPlausibleShape(value)) return null;
        var key = keys.Token(TokenValues.KeyOf(value));
        var (result, now, _) = await ClockCheckedScript.EvaluateAsync(Db, keys, clock, FindScript, [key], static _ => []);
        if (StoredTokenFields.Read(Fields(result)) is not { } read || read.Token.Kind != kind) return null;
        if (!read.Token.IsExpiredAt(now)) return (read.Token, read.Redeemed, key);
        await Db.KeyDeleteAsync(key);
        return null;
    }

    private static HashEntry[] Fields(RedisResult[] result)
    {
        var fields = new HashEntry[(result.Length - 1) / 2];
        for (var i = 0; i < fields.Length; i++) fields[i] = new HashEntry((RedisValue)result[1 + 2 * i], (RedisValue)result[2 + 2 * i]);
        return fields;
    }
}
