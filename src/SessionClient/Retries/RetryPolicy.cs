namespace SessionClient;

/// <summary>
/// urllib3's <c>Retry</c> for HttpSession. Counters are retries (not attempts): <see cref="Total"/> caps all of them,
/// <see cref="Connect"/>, <see cref="Read"/> and <see cref="Status"/> cap one kind each; null means "no cap of its own".
/// A request gives up when any counter would go below zero.
/// <para>Backoff (urllib3 2.x): before the n-th consecutive retry the session waits
/// <c>min(BackoffMax, BackoffFactor × 2^(n−1) + random × BackoffJitter)</c>, except that the first retry waits 0;
/// with <c>BackoffFactor = 0.1 s</c> that is 0, 0.2, 0.4, 0.8 s… A Retry-After header on a 413, 429 or 503 replaces
/// the backoff when <see cref="RespectRetryAfterHeader"/> is on.</para>
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>HEAD, GET, PUT, DELETE, OPTIONS, TRACE: the idempotent methods urllib3 retries by default. Never POST.</summary>
    public static readonly IReadOnlySet<string> IdempotentMethods =
        new HashSet<string>(["HEAD", "GET", "PUT", "DELETE", "OPTIONS", "TRACE"], StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlySet<int> DefaultRetryAfterStatusCodes = new HashSet<int>([413, 429, 503]);

    public int? Total { get; init; } = 10;
    public int? Connect { get; init; }
    public int? Read { get; init; }
    public int? Status { get; init; }

    public TimeSpan BackoffFactor { get; init; } = TimeSpan.Zero;
    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(120);
    public TimeSpan BackoffJitter { get; init; } = TimeSpan.Zero;

    /// <summary>Statuses that are retried (for allowed methods).</summary>
    public IReadOnlySet<int> StatusForcelist { get; init; } = new HashSet<int>();

    /// <summary>Methods retried on a status or a read error; connection errors are retried for any method.</summary>
    public IReadOnlySet<string> AllowedMethods { get; init; } = IdempotentMethods;

    public bool RespectRetryAfterHeader { get; init; } = true;
    public IReadOnlySet<int> RetryAfterStatusCodes { get; init; } = DefaultRetryAfterStatusCodes;

    /// <summary>When retries run out on a status: throw <see cref="RetryExhaustedException"/> (true) or return the last response.</summary>
    public bool RaiseOnStatus { get; init; } = true;

    /// <summary>requests' <c>HTTPAdapter(max_retries=n)</c>.</summary>
    public static RetryPolicy FromInt(int total) => new() { Total = total };

    public bool AllowsMethod(HttpMethod method) => AllowedMethods.Contains(method.Method);

    /// <summary>The urllib3 2.x backoff before a retry that follows <paramref name="consecutiveErrors"/> errors in a row.</summary>
    public TimeSpan BackoffFor(int consecutiveErrors, double randomUnit = 0)
    {
        if (consecutiveErrors <= 1) return TimeSpan.Zero;
        var seconds = BackoffFactor.TotalSeconds * Math.Pow(2, consecutiveErrors - 1) + randomUnit * BackoffJitter.TotalSeconds;
        return TimeSpan.FromSeconds(Math.Max(0, Math.Min(BackoffMax.TotalSeconds, seconds)));
    }

    /// <summary>urllib3's repr, so a log reads like the tutorial's.</summary>
    public override string ToString() =>
        $"Retry(total={Show(Total)}, connect={Show(Connect)}, read={Show(Read)}, redirect=None, status={Show(Status)})";

    private static string Show(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None";
}
