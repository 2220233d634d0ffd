using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>
/// A counter field of a hash that must not outlive the hash: a plain HINCRBY on a key that has expired or been
/// revoked would re-create it as a bare hash with no TTL. Redemptions and failed 2FA codes count this way.
/// </summary>
internal static class RedisHashCounter
{
    private const string IncrementIfExists = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
        return redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
        """;

    /// <summary>The field's new value, or -1 when the hash is gone.</summary>
    public static async Task<long> IncrementAsync(IDatabase db, RedisKey key, string field) =>
        (long)await db.ScriptEvaluateAsync(IncrementIfExists, [key], [field]);
}
