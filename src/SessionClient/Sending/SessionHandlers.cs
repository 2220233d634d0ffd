using System.Net;

namespace SessionClient;

/// <summary>
/// The primary handler a session runs on: it neither follows redirects nor keeps cookies (the session does both, per
/// hop and with RFC 6265 rules) and it decompresses what it receives, as requests does. The one place these settings
/// are written, for <see cref="HttpSession"/>, <c>AddSessionCookies</c> and any caller that builds its own handler.
/// </summary>
public static class SessionHandlers
{
    /// <summary>A pooled handler with the session's settings; connections are renewed every 5 minutes so DNS changes are seen.</summary>
    public static SocketsHttpHandler Create() => Prepare(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

    /// <summary>Applies the session's settings to a handler made elsewhere (a connect callback, TLS options…) and returns it.</summary>
    public static SocketsHttpHandler Prepare(SocketsHttpHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        handler.AllowAutoRedirect = false;
        handler.UseCookies = false;
        handler.AutomaticDecompression = DecompressionMethods.All;
        return handler;
    }

    /// <inheritdoc cref="Prepare(SocketsHttpHandler)"/>
    public static HttpClientHandler Prepare(HttpClientHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        handler.AllowAutoRedirect = false;
        handler.UseCookies = false;
        handler.AutomaticDecompression = DecompressionMethods.All;
        return handler;
    }
}
