using System.Net.Http.Headers;
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
            Headers(logger, Describe(request.Headers.NonValidated), Describe(response.Headers.NonValidated));
    }

    // Each value is redacted on its own: a second Set-Cookie must not slip past the first one's mask.
    private static string Describe(HttpHeadersNonValidated headers) =>
        string.Join("; ", headers.Select(h => $"{h.Key}: {string.Join(", ", h.Value.Select(v => Redaction.Header(h.Key, v)))}"));

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Url} -> {Status} in {ElapsedMs:0.0} ms (hop {Hop})")]
    private static partial void Hop(ILogger logger, HttpMethod method, string url, int status, double elapsedMs, int hop);

    /// <summary>urllib3's line: Incremented Retry for (url='/flaky'): Retry(total=2, connect=None, …).</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Incremented Retry for (url='{Url}'): {Retry}")]
    public static partial void Retry(ILogger logger, string url, string retry);

    [LoggerMessage(Level = LogLevel.Trace, Message = "request headers: {RequestHeaders} | response headers: {ResponseHeaders}")]
    private static partial void Headers(ILogger logger, string requestHeaders, string responseHeaders);
}
