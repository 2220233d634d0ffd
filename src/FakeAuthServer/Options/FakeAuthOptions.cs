namespace FakeAuthServer.Options;

/// <summary>Everything a user can tune, bound from the "FakeAuth" section (appsettings, environment, command line).</summary>
public sealed class FakeAuthOptions
{
    public const string Section = "FakeAuth";

    /// <summary>Username → password. Configuration adds to the defaults in appsettings.json.</summary>
    public Dictionary<string, string> Users { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Absolute lifetime of a server session; also the cookie's Max-Age.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Sliding idle timeout: each use of a session pushes its end to min(created + SessionLifetime, now + IdleTimeout).
    /// Null, or a value at or above SessionLifetime, means sessions end at their absolute lifetime only.
    /// </summary>
    public TimeSpan? IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Username → RFC 4648 Base32 TOTP secret; these users need a 6-digit code after their password (form login).</summary>
    public Dictionary<string, string> TwoFactor { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Username → claim name → value: what the OpenID Connect provider says about the user in id_tokens, userinfo and
    /// JWT access tokens (e.g. FakeAuth:Claims:alice:role=admin, FakeAuth:Claims:alice:email=alice@example.test).
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> Claims { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How often expired sessions are dropped from memory (on the injected clock).</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Upper bound on live sessions; at the bound the soonest-to-expire are evicted.</summary>
    public int MaxSessions { get; set; } = 100_000;

    /// <summary>Requests with a larger body get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>One log line per request (method, path, status, elapsed).</summary>
    public bool LogRequests { get; set; } = true;

    public FlakyOptions Flaky { get; set; } = new();
}

/// <summary>/flaky's defaults; each has a query parameter that overrides it per request.</summary>
public sealed class FlakyOptions
{
    /// <summary>Probability in [0, 1] that /flaky fails (?failure_rate=).</summary>
    public double FailureRate { get; set; } = 0.5;

    /// <summary>When set, the server-wide /flaky sequence is reproducible from this seed (?seed= names a per-request one).</summary>
    public int? Seed { get; set; }

    /// <summary>When set, each client's first N requests fail and later ones succeed; wins over FailureRate (?fail_first=).</summary>
    public int? FailFirst { get; set; }

    /// <summary>The failure status: 408, 413, 429, 500, 502, 503 or 504 (?status=).</summary>
    public int Status { get; set; } = 500;

    /// <summary>Retry-After on failures: seconds (0 to 3600) or an HTTP date; none when unset (?retry_after=).</summary>
    public string? RetryAfter { get; set; }

    /// <summary>Wait before answering, on the server's clock; up to 10 s (?delay= in milliseconds).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>Answer failures with Status, or Reset the connection instead (?mode=answer|reset).</summary>
    public Flaky.FlakyMode Mode { get; set; } = Flaky.FlakyMode.Answer;
}
