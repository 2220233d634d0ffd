using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>SCAN (never KEYS, which blocks the server) over every primary, for the admin API's list and reset.</summary>
internal static class RedisScan
{
    private const int PageSize = 500;

    public static async IAsyncEnumerable<RedisKey> KeysAsync(IConnectionMultiplexer redis, string pattern)
    {
        foreach (var server in redis.GetServers())
        {
            if (server.IsReplica || !server.IsConnected) continue;
            await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: PageSize)) yield return key;
        }
    }

    public static async Task<long> DeleteAsync(IConnectionMultiplexer redis, params string[] patterns)
    {
        var db = redis.GetDatabase();
        long deleted = 0;
        var batch = new List<RedisKey>(PageSize);
        foreach (var pattern in patterns)
        {
            await foreach (var key in KeysAsync(redis, pattern))
            {
                batch.Add(key);
                if (batch.Count < PageSize) continue;
                deleted += await db.KeyDeleteAsync([.. batch]);
                batch.Clear();
            }
        }
        if (batch.Count > 0) deleted += await db.KeyDeleteAsync([.. batch]);
        return deleted;
    }

    /// <summary>A TTL for a key that should live until <paramref name="end"/> on the server clock; at least 1 ms.</summary>
    public static TimeSpan TtlUntil(DateTimeOffset end, DateTimeOffset now) =>
        end - now is var left && left > TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1);
}
