namespace SessionClient;

/// <summary>
/// The session's cookie handling as a <see cref="DelegatingHandler"/> for IHttpClientFactory clients: cookies kept in
/// a <see cref="CookieJar"/> and redirects followed hop by hop (the jar recomputes each hop's Cookie header;
/// credentials never cross origins). Add it with <c>AddSessionCookies(jar)</c>, which also turns off the primary
/// handler's own cookies and redirects.
/// </summary>
public sealed class SessionCookieHandler(CookieJar jar) : DelegatingHandler
{
    private HttpSession? _session;

    public CookieJar Jar { get; } = jar;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Built on first use: the factory sets InnerHandler after construction.
        _session ??= CreateSession();
        return _session.SendAsync(request, cancellationToken: cancellationToken);
    }

    private HttpSession CreateSession()
    {
        var session = new HttpSession(InnerHandler ?? throw new InvalidOperationException("SessionCookieHandler needs an inner handler."))
        {
            Cookies = Jar,
            Timeout = Timeout.InfiniteTimeSpan, // HttpClient.Timeout governs
        };
        session.Headers.Clear(); // the HttpClient's own default headers apply
        return session;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _session?.Dispose();
        base.Dispose(disposing);
    }
}
