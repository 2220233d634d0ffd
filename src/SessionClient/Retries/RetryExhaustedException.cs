namespace SessionClient;

/// <summary>Retries ran out (requests' RetryError / urllib3's MaxRetryError).</summary>
public sealed class RetryExhaustedException(string url, int attempts, int? lastStatus, string reason, Exception? inner = null)
    : HttpRequestException($"Max retries exceeded for {url} after {attempts} attempts ({reason}).", inner)
{
    public string Url { get; } = url;

    /// <summary>Requests sent, the first included.</summary>
    public int Attempts { get; } = attempts;

    /// <summary>The status of the last response, when the last attempt got one.</summary>
    public int? LastStatus { get; } = lastStatus;
}
