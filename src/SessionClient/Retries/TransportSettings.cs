namespace SessionClient;

/// <summary>
/// What <see cref="HttpSession.Mount(string, TransportSettings)"/> attaches to a URL prefix (requests' HTTPAdapter), or
/// <see cref="RequestOptions.Transport"/> to one request.
/// </summary>
public sealed record TransportSettings
{
    public RetryPolicy? Retries { get; init; }

    /// <summary>Limit on one attempt; a timed-out attempt counts as a read error.</summary>
    public TimeSpan? AttemptTimeout { get; init; }

    /// <summary>
    /// The clock backoff waits and attempt timeouts run on; null for the session's <see cref="HttpSession.TimeProvider"/>.
    /// Set it when the session's clock is a fake one for cookie expiry but the waits should be real (or the other way round).
    /// </summary>
    public TimeProvider? TimeProvider { get; init; }
}
