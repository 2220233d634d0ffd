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
        // Stryker disable once Equality : Max-Age=0 gives now, which is already expired (now >= expiry), as MinValue is
        if (seconds <= 0)
            return DateTimeOffset.MinValue;
        var remaining = (DateTimeOffset.MaxValue - now).TotalSeconds;
        // Stryker disable once Equality : at exactly the remaining seconds, MaxValue and now + seconds are the same instant
        return seconds >= remaining ? DateTimeOffset.MaxValue : now.AddSeconds(seconds);
    }

    /// <summary>
    /// Why a cookie that comes with no request (set by hand, loaded from a file) may not be stored, or null when it
    /// may: the rules a Set-Cookie meets that do not depend on the origin, so a file cannot smuggle in what a server could not.
    /// </summary>
    public static string? CookieProblem(Cookie cookie, CookieJarOptions options, PublicSuffixList suffixes)
    {
        if (NameValueProblem(cookie.Name, cookie.Value, options) is { } text)
            return text;
        if (DomainProblem(cookie.Domain) is { } domain)
            return domain;
        if (!cookie.HostOnly && !DomainMatching.IsIpAddress(cookie.Domain) && suffixes.IsPublicSuffix(cookie.Domain))
            return $"'{cookie.Domain}' is a public suffix; a cookie for all of it would be a supercookie";
        if (cookie.Path.Length == 0 || cookie.Path[0] != '/')
            return "a cookie path starts with '/'";
        if (cookie.Path.Length > SetCookieParser.MaxAttributeValueLength)
            return $"the path is longer than a Set-Cookie may give ({SetCookieParser.MaxAttributeValueLength} characters)";
        return PrefixProblem(cookie);
    }

    // RFC 1035 lengths; letters, digits, '-' and '_' (which real host names use). A Domain attribute that could match
    // a request host meets this, so only cookies that arrive without a request need the check.
    private const int MaxDomainLength = 253;
    private const int MaxLabelLength = 63;

    private static string? DomainProblem(string domain)
    {
        if (DomainMatching.IsIpAddress(domain))
            return null;
        if (domain.Length > MaxDomainLength)
            return $"the domain has {domain.Length} characters; a host name has at most {MaxDomainLength}";
        foreach (var label in domain.Split('.'))
        {
            if (label.Length is 0 or > MaxLabelLength || !label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
                return $"the domain '{Shown(domain)}' is not a host name or an IP address";
        }
        return null;
    }

    // Keeps a hostile domain from flooding an error message (or a log) with control characters.
    private static string Shown(string text) =>
        string.Concat(text.Take(64).Select(c => c < ' ' || c > '~' ? '?' : c)) + (text.Length > 64 ? "…" : "");

    // 6265bis §4.1.3: prefixes let a server trust that the cookie came from a secure origin
    // (__Secure-) and, for __Host-, that no sibling subdomain or sub-path could have set it.
    private static bool HasValidPrefix(Cookie cookie, string? pathAttribute, CookieRequest request)
    {
        if (PrefixProblem(cookie) is not null)
            return false;
        if (!IsSecurePrefixed(cookie.Name) && !IsHostPrefixed(cookie.Name))
            return true;
        // Set-Cookie adds: the origin was secure, and a __Host- cookie named its path instead of getting a default one.
        return request.IsSecure && (!IsHostPrefixed(cookie.Name) || pathAttribute == "/");
    }

    private static string? PrefixProblem(Cookie cookie)
    {
        if (IsSecurePrefixed(cookie.Name))
            return cookie.Secure ? null : $"a {cookie.Name[..9]} cookie must be Secure";
        if (!IsHostPrefixed(cookie.Name))
            return null;
        if (!cookie.Secure)
            return $"a {cookie.Name[..7]} cookie must be Secure";
        if (!cookie.HostOnly)
            return $"a {cookie.Name[..7]} cookie must be host-only (no Domain, include-subdomains FALSE)";
        return cookie.Path == "/" ? null : $"a {cookie.Name[..7]} cookie must have Path=/";
    }

    private static bool IsSecurePrefixed(string name) => name.StartsWith("__Secure-", StringComparison.OrdinalIgnoreCase);

    private static bool IsHostPrefixed(string name) => name.StartsWith("__Host-", StringComparison.OrdinalIgnoreCase);
}
