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

    /// <summary>
    /// A Set-Cookie the jar did not store (malformed, or refused by its storage rules: a non-ASCII value, a foreign
    /// domain, a bad prefix…). Only the name is shown, cut to printable ASCII: the value may be a secret.
    /// </summary>
    public static void CookieIgnored(ILogger logger, string setCookie, Uri url)
    {
        if (!logger.IsEnabled(LogLevel.Debug)) return;
        var name = setCookie.AsSpan(0, Math.Max(0, setCookie.IndexOf('=') is var eq and >= 0 ? eq : 0)).Trim();
        var shown = string.Concat(name.ToString().Take(64).Select(c => c is >= '!' and <= '~' ? c : '?'));
        SetCookieIgnored(logger, shown, Redaction.Url(url));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Set-Cookie '{Name}' from {Url} was not stored (malformed, or refused by the jar's storage rules)")]
    private static partial void SetCookieIgnored(ILogger logger, string name, string url);

    // Each value is redacted on its own: a second Set-Cookie must not slip past the first one's mask.
    private static string Describe(HttpHeadersNonValidated headers) =>
        string.Join("; ", headers.Select(h => $"{h.Key}: {string.Join(", ", h.Value.Select(v => Redaction.Header(h.Key, v)))}"));

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Url} -> {Status} in {ElapsedMs:0.0} ms (hop {Hop})")]
    private static partial void Hop(ILogger logger, HttpMethod method, string url, int status, double elapsedMs, int hop);

    /// <summary>urllib3's line: Incremented Retry for (url='/flaky'): Retry(total=2, connect=None, …).</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Incremented Retry for (url='{Url}'): {Retry}")]
    public static partial void Retry(ILogger logger, string url, string retry);

    /// <summary>The wait before the next attempt and why: the status or error retried, backoff or Retry-After.</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Waiting {WaitSeconds:0.###} s before attempt {Attempt}: {Reason}")]
    public static partial void RetryWait(ILogger logger, double waitSeconds, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Trace, Message = "request headers: {RequestHeaders} | response headers: {ResponseHeaders}")]
    private static partial void Headers(ILogger logger, string requestHeaders, string responseHeaders);
}
