using Microsoft.Extensions.Logging;

namespace SessionClient.Logging;

/// <summary>One debug line per hop; at trace level the headers too, with cookie values and credentials redacted.</summary>
internal static partial class SessionLog
{
    public static void Exchange(ILogger logger, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed, int hop)
    {
        if (!logger.IsEnabled(LogLevel.Debug)) return;
        Hop(logger, request.Method, Redaction.Url(request.RequestUri), (int)response.StatusCode, elapsed.TotalMilliseconds, hop);
        if (logger.IsEnabled(LogLevel.Trace))
            Headers(logger, string.Join("; ", request.Headers.NonValidated.Select(h => $"{h.Key}: {Redaction.Header(h.Key, string.Join(", ", h.Value))}")),
                string.Join("; ", response.Headers.NonValidated.Select(h => $"{h.Key}: {Redaction.Header(h.Key, string.Join(", ", h.Value))}")));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Url} -> {Status} in {ElapsedMs:0.0} ms (hop {Hop})")]
    private static partial void Hop(ILogger logger, HttpMethod method, string url, int status, double elapsedMs, int hop);

    /// <summary>urllib3's line: Incremented Retry for (url='/flaky'): Retry(total=2, connect=None, …).</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Incremented Retry for (url='{Url}'): {Retry}")]
    public static partial void Retry(ILogger logger, string url, string retry);

    [LoggerMessage(Level = LogLevel.Trace, Message = "request headers: {RequestHeaders} | response headers: {ResponseHeaders}")]
    private static partial void Headers(ILogger logger, string requestHeaders, string responseHeaders);
}
