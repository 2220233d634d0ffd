namespace FakeAuthServer.Redis;

/// <summary>
/// FakeAuth:Store=redis shares the server's state (sessions, tokens, codes, lockouts, fail_first counters, pending 2FA
/// logins and TOTP replay memory, the admin clock offset, the CSRF key) with every instance pointed at the same Redis; "memory" (the default) keeps it in-process.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "FakeAuth:Redis";
    public const string StoreKey = "FakeAuth:Store";

    /// <summary>A StackExchange.Redis configuration string, e.g. "127.0.0.1:6379" or "host:6379,password=…".</summary>
    public string Configuration { get; set; } = "127.0.0.1:6379";

    /// <summary>Prefix of every key, so several fake servers (or tests) can share one Redis without meeting.</summary>
    public string KeyPrefix { get; set; } = "fakeauth:";

    /// <summary>How long one Redis call may take before the request gets 503.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>True when configuration asks for the Redis store ("memory" or nothing means in-process).</summary>
    public static bool IsSelected(IConfiguration configuration) =>
        configuration[StoreKey] is { } store && store.Equals("redis", StringComparison.OrdinalIgnoreCase);
}
