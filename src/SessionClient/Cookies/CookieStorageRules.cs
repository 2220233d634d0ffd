namespace SessionClient;

/// <summary>
/// The parts of the RFC 6265 §5.3 storage model (plus 6265bis hardening) that depend only on the
/// parsed header and the request, not on what is already in the jar.
/// </summary>
internal static class CookieStorageRules
{
    /// <summary>Builds the cookie to store, or null when the rules say to ignore it.</summary>
    public static Cookie? Create(SetCookieParseResult parsed, CookieRequest request, DateTimeOffset now, CookieJarOptions options, PublicSuffixList suffixes)
    {
        if (NameValueProblem(parsed.Name, parsed.Value, options) is not null)
            return null;
        if (!TryResolveDomain(parsed.Domain, request, suffixes, out var domain, out var hostOnly))
            return null;
        // 6265bis: only a secure origin may set a Secure cookie, or it could shadow one set over https.
        if (parsed.Secure && !request.IsSecure)
            return null;

        var cookie = new Cookie
        {
            Name = parsed.Name,
            Value = parsed.Value,
            Domain = domain,
            HostOnly = hostOnly,
            Path = parsed.Path ?? PathMatching.DefaultPath(request.Path),
            Secure = parsed.Secure,
            HttpOnly = parsed.HttpOnly,
            SameSite = parsed.SameSite,
            Expires = ResolveExpiry(parsed, now),
            Created = now,
            LastAccess = now,
        };
        return HasValidPrefix(cookie, parsed.Path, request) ? cookie : null;
    }

    /// <summary>
    /// Why a name and value may not be stored, or null when they may: the one text rule for a Set-Cookie, a cookie
    /// set by hand and a loaded file. The reason never quotes the value, which may be a secret.
    /// </summary>
    public static string? NameValueProblem(string name, string value, CookieJarOptions options)
    {
        if (name.Length + value.Length > options.MaxCookieBytes)
            return $"name and value exceed {options.MaxCookieBytes} characters";
        if (!IsStorableText(name, options) || !IsStorableText(value, options))
            return options.AllowNonAsciiCookies
                ? "its name or value holds a control character"
                // HttpClient refuses to send a non-ASCII request header: kept, it would break every later request to the host.
                : "its name or value holds a control or non-ASCII character (HttpClient sends only ASCII headers)";
        return null;
    }

    // 6265bis §5.6 refuses control characters (HTAB excepted); non-ASCII is refused unless the jar allows it.
    private static bool IsStorableText(string text, CookieJarOptions options)
    {
        foreach (var c in text)
        {
            if ((c < ' ' && c != '\t') || c == '\x7F' || (c > '\x7F' && !options.AllowNonAsciiCookies))
                return false;
        }
        return true;
    }

    // §5.3 steps 4-6. IP hosts get Chromium's treatment: Domain equal to the IP means host-only.
    private static bool TryResolveDomain(string? attribute, CookieRequest request, PublicSuffixList suffixes, out string domain, out bool hostOnly)
    {
        domain = request.Host;
        hostOnly = true;
        if (string.IsNullOrEmpty(attribute))
            return true;
        if (request.IsIpAddress || suffixes.IsPublicSuffix(attribute))
            return attribute == request.Host; // a suffix may only name the host itself, then it is host-only
        if (!DomainMatching.DomainMatches(request.Host, attribute))
            return false;
        domain = attribute;
        hostOnly = false;
        return true;
    }

    // Max-Age wins over Expires (§5.3 step 3); a non-positive Max-Age means "the earliest representable time".
    private static DateTimeOffset? ResolveExpiry(SetCookieParseResult parsed, DateTimeOffset now)
    {
        if (parsed.MaxAgeSeconds is not { } seconds)
            return parsed.Expires;
        if (seconds <= 0)
            return DateTimeOffset.MinValue;
        var remaining = (DateTimeOffset.MaxValue - now).TotalSeconds;
        return seconds >= remaining ? DateTimeOffset.MaxValue : now.AddSeconds(seconds);
    }

    // 6265bis §4.1.3: prefixes let a server trust that the cookie came from a secure origin
    // (__Secure-) and, for __Host-, that no sibling subdomain or sub-path could have set it.
    private static bool HasValidPrefix(Cookie cookie, string? pathAttribute, CookieRequest request)
    {
        if (cookie.Name.StartsWith("__Secure-", StringComparison.OrdinalIgnoreCase))
            return cookie.Secure && request.IsSecure;
        if (cookie.Name.StartsWith("__Host-", StringComparison.OrdinalIgnoreCase))
            return cookie.Secure && request.IsSecure && cookie.HostOnly && pathAttribute == "/";
        return true;
    }
}
