using Microsoft.Extensions.DependencyInjection;

namespace SessionClient;

public static class HttpClientBuilderExtensions
{
    /// <summary>
    /// Keeps the client's cookies in <paramref name="jar"/> with RFC 6265 rules and follows redirects safely:
    /// <c>services.AddHttpClient("api").AddSessionCookies(jar)</c>. The primary handler's own cookie container and
    /// auto-redirect are switched off, since the session does both.
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
                    sockets.UseCookies = false;
                    sockets.AllowAutoRedirect = false;
                    break;
                case HttpClientHandler classic:
                    classic.UseCookies = false;
                    classic.AllowAutoRedirect = false;
                    break;
            }
        });
        return builder.AddHttpMessageHandler(() => new SessionCookieHandler(jar));
    }
}
