namespace SessionClient;

/// <summary>What <see cref="HttpSession.Mount(string, TransportSettings)"/> attaches to a URL prefix (requests' HTTPAdapter).</summary>
public sealed record TransportSettings
{
    public RetryPolicy? Retries { get; init; }

    /// <summary>Limit on one attempt; a timed-out attempt counts as a read error.</summary>
    public TimeSpan? AttemptTimeout { get; init; }
}
