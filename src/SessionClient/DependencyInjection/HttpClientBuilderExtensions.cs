using Microsoft.Extensions.DependencyInjection;

namespace SessionClient;

public static class HttpClientBuilderExtensions
{
    /// <summary>
    /// Keeps the client's cookies in <paramref name="jar"/> with RFC 6265 rules and follows redirects safely:
    /// <c>services.AddHttpClient("api").AddSessionCookies(jar)</c>. The primary handler gets the session's settings
    /// (<see cref="SessionHandlers"/>): its own cookie container and auto-redirect off, since the session does both.
    /// </summary>
    public static IHttpClientBuilder AddSessionCookies(this IHttpClientBuilder builder, CookieJar jar)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(jar);
        builder.ConfigurePrimaryHttpMessageHandler((handler, _) =>
        {
            switch (handler)
            {
                case SocketsHttpHandler sockets:
                    SessionHandlers.Prepare(sockets);
                    break;
                case HttpClientHandler classic:
                    SessionHandlers.Prepare(classic);
                    break;
            }
        });
        return builder.AddHttpMessageHandler(() => new SessionCookieHandler(jar));
    }
}
