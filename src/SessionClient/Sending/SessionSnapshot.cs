using Microsoft.Extensions.Logging;
using SessionClient.Retries;

namespace SessionClient.Sending;

/// <summary>
/// What one request takes from its session, read once when it starts: a setting changed on the session while the
/// request runs (another thread's Timeout, Logger, Auth) never half-applies to it, and nothing below the session
/// holds the session itself. <see cref="ApplyAuth"/> is the request's authenticator (its own or the session's)
/// already given the session it may log in through.
/// </summary>
internal sealed record SessionSnapshot(
    HttpMessageInvoker Invoker,
    CookieJar Cookies,
    Func<HttpRequestMessage, CancellationToken, ValueTask>? ApplyAuth,
    TimeProvider TimeProvider,
    ILogger Logger,
    TimeSpan Timeout,
    int MaxRedirects,
    bool AllowHttpsToHttpRedirects,
    long MaxResponseBodyBytes,
    MountTable Mounts);
