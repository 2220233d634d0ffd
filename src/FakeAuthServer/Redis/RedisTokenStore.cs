using FakeAuthServer.Auth.Tokens;
using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>
/// Access tokens, refresh tokens and authorization codes as Redis hashes keyed by the token's SHA-256 (the token
/// itself is never stored), plus one set per family so a replay can revoke the whole family on every instance.
/// Single use is a guarded HINCRBY (<see cref="RedisHashCounter"/>): exactly one redemption, on whichever instance, sees 1.
/// </summary>
public sealed class RedisTokenStore(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider clock) : ITokenStore, IOneStepTokenLogin
{
    // A token's hash and its place in its family, from ARGV[first] on: ttl ms, the token key's name, the field count,
    // the fields; returns where the next token's arguments start. One definition for every script that adds tokens.
    private const string AddFunction = """
        local function add_token(key, family, first)
          local count = tonumber(ARGV[first + 2])
          redis.call('HSET', key, unpack(ARGV, first + 3, first + 2 + count))
          redis.call('PEXPIRE', key, ARGV[first])
          redis.call('SADD', family, ARGV[first + 1])
          if redis.call('PTTL', family) < tonumber(ARGV[first]) then redis.call('PEXPIRE', family, ARGV[first]) end
          return first + 3 + count
        end
        """ + "\n";

    // KEYS: token, family. ARGV: TokenArguments. 0 when the key already exists.
    private const string AddScript = AddFunction + """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        add_token(KEYS[1], KEYS[2], 1)
        return 1
        """;

    // An accepted password login's two tokens in one round trip (issue 17). KEYS: clock, access, refresh, family, then
    // (lockout on) failures and lock. ARGV: offset, TokenArguments for each token, then (lockout on)
    // RedisLockoutStore.AttemptArguments. {1, lock end} while locked (nothing changed), {2} when a value is taken
    // (nothing changed), else {1, ''}.
    private const string LoginScript = ClockCheckedScript.Prelude + RedisLockoutStore.AttemptFunctions + AddFunction + """
        local after_refresh = 2 + 3 + tonumber(ARGV[4])
        local attempt = after_refresh + 3 + tonumber(ARGV[after_refresh + 2])
        if #KEYS == 6 then
          local stop = locked_until(KEYS[6], ARGV[attempt])
          if stop then return {1, stop} end
        end
        if redis.call('EXISTS', KEYS[2]) == 1 or redis.call('EXISTS', KEYS[3]) == 1 then return {2} end
        if #KEYS == 6 then
          apply(KEYS[5], KEYS[6], ARGV[attempt + 1], ARGV[attempt + 2], ARGV[attempt + 3], ARGV[attempt + 4],
            ARGV[attempt + 5], ARGV[attempt + 6], ARGV[attempt + 7])
        end
        add_token(KEYS[3], KEYS[4], add_token(KEYS[2], KEYS[4], 2))
        return {1, ''}
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
        while (true)
        {
            var value = TokenValues.New();
            var key = keys.Token(TokenValues.KeyOf(value));
            if ((int)await Db.ScriptEvaluateAsync(AddScript, [key, keys.TokenFamily(token.Grant.Family)], TokenArguments(key, token, now)) == 1)
                return value;
        }
    }

    async ValueTask<(TimeSpan? LockedFor, IssuedPair? Tokens)> IOneStepTokenLogin.IssueUnlessLockedAsync(TokenGrant grant,
        TimeSpan accessLifetime, TimeSpan refreshLifetime, JudgedAttempt? attempt, CancellationToken cancellationToken)
    {
        while (true)
        {
            var pair = new IssuedPair(TokenValues.New(), TokenValues.New());
            var answer = await ClockCheckedScript.EvaluateAsync(Db, keys, clock, LoginScript, now =>
            {
                var (access, refresh) = (keys.Token(TokenValues.KeyOf(pair.Access)), keys.Token(TokenValues.KeyOf(pair.Refresh)));
                RedisKey[] tokenKeys = [access, refresh, keys.TokenFamily(grant.Family)];
                RedisValue[] args =
                [
                    .. TokenArguments(access, new StoredToken(TokenKind.Access, grant, now, now + accessLifetime), now),
                    .. TokenArguments(refresh, new StoredToken(TokenKind.Refresh, grant, now, now + refreshLifetime), now),
                ];
                return attempt is null
                    ? (tokenKeys, args)
                    : ([.. tokenKeys, keys.LockoutFailures(attempt.User), keys.LockoutUntil(attempt.User)],
                        [.. args, .. RedisLockoutStore.AttemptArguments(now, attempt.Then, attempt.Options)]);
            });
            if ((long)answer.Result[0] == 2) continue; // a value was taken: draw both again
            if (RedisLockoutStore.LockLeft((RedisValue)answer.Result[1], answer.Now) is { } left) return (left, null);
            return (null, pair);
        }
    }

    /// <summary>add_token's arguments for one token: ttl ms at <paramref name="now"/>, its key's name, the field count, the fields.</summary>
    private static RedisValue[] TokenArguments(RedisKey key, StoredToken token, DateTimeOffset now)
    {
        RedisValue[] fields = [.. StoredTokenFields.Write(token)];
        return [(long)RedisScan.TtlUntil(token.ExpiresAt, now).TotalMilliseconds, key.ToString(), fields.Length, .. fields];
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
