namespace SessionClient;

/// <summary>Limits and policy of a <see cref="CookieJar"/>. Defaults follow Chromium.</summary>
public sealed record CookieJarOptions
{
    /// <summary>Largest accepted name+value length (6265bis: 4096); larger cookies are ignored, not truncated.</summary>
    public int MaxCookieBytes { get; init; } = 4096;

    /// <summary>Cookies kept per registrable domain (eTLD+1), like Chromium's 180; RFC 6265 asks for at least 50.</summary>
    public int MaxCookiesPerDomain { get; init; } = 180;

    /// <summary>Cookies kept in total, like Chromium's 3300; RFC 6265 asks for at least 3000.</summary>
    public int MaxCookies { get; init; } = 3300;

    /// <summary>
    /// Treat http://localhost, 127.0.0.0/8 and [::1] as secure origins so Secure and __Host- cookies
    /// work against a local dev server, as browsers and curl do.
    /// </summary>
    public bool TreatLoopbackAsSecure { get; init; } = true;

    /// <summary>
    /// False (the default) refuses a cookie whose name or value holds a non-ASCII character, as Go's jar does:
    /// HttpClient cannot send it, so keeping it would make every later request to its host throw. True keeps the
    /// text as RFC 6265 parses it (the http-state corpus' charset cases); only for a transport that can send it.
    /// </summary>
    public bool AllowNonAsciiCookies { get; init; }

    /// <summary>Suffixes under which a Domain attribute is refused; defaults to <see cref="PublicSuffixList.Default"/>.</summary>
    public PublicSuffixList? PublicSuffixes { get; init; }
}
