using System.Collections;

namespace SessionClient;

/// <summary>
/// A thread-safe RFC 6265 cookie store: the .NET counterpart of Python requests' cookie jar.
/// Unlike <see cref="System.Net.CookieContainer"/> it never splits a header on commas, keeps the
/// last Domain/Path attribute, honours Secure=anything, sends cookies in §5.4 order, refuses
/// public-suffix domains and applies the 6265bis Secure rules and cookie prefixes.
/// </summary>
/// <remarks>
/// Cookies are indexed by their exact domain, so a request looks only at the groups of its host and the host's
/// parents; the per-domain limit is Chromium's per-site (registrable domain) limit.
/// </remarks>
public sealed class CookieJar : IEnumerable<Cookie>
{
    private readonly Lock _gate = new();
    private readonly CookieStore _store;
    private TimeProvider _timeProvider;

    public CookieJar(TimeProvider? timeProvider = null, CookieJarOptions? options = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        Options = options ?? new CookieJarOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxCookiesPerDomain, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxCookies, 1, nameof(options));
        _store = new CookieStore(Options, Options.PublicSuffixes ?? PublicSuffixList.Default);
    }

    /// <summary>The clock used for Max-Age, expiry and access times.</summary>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set => _timeProvider = value ?? throw new ArgumentNullException(nameof(value));
    }

    public CookieJarOptions Options { get; }

    /// <summary>Number of unexpired cookies.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _store.Count(Now);
        }
    }

    // Lets tests observe that expired cookies are purged lazily, one site at a time.
    internal int StoredIncludingExpired
    {
        get
        {
            lock (_gate)
                return _store.StoredIncludingExpired;
        }
    }

    /// <summary>
    /// Stores the cookie of ONE Set-Cookie header value received in the response to <paramref name="requestUri"/>.
    /// Returns true when a cookie was stored, replaced or deleted. Malformed headers are ignored, never thrown.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="requestUri"/> is null, relative or has no host.</exception>
    public bool SetCookies(Uri requestUri, string? setCookieHeaderValue)
    {
        var request = CookieRequest.From(requestUri, Options.TreatLoopbackAsSecure);
        return Store(request, setCookieHeaderValue);
    }

    /// <summary>Stores every Set-Cookie header value of a response, in order; returns how many changed the jar.</summary>
    public int SetCookies(Uri requestUri, IEnumerable<string?> setCookieHeaderValues)
    {
        ArgumentNullException.ThrowIfNull(setCookieHeaderValues);
        var request = CookieRequest.From(requestUri, Options.TreatLoopbackAsSecure);
        var changed = 0;
        foreach (var value in setCookieHeaderValues)
        {
            if (Store(request, value))
                changed++;
        }
        return changed;
    }

    /// <summary>The Cookie request header a browser would send to <paramref name="requestUri"/> (RFC 6265 §5.4), or "".</summary>
    public string GetCookieHeader(Uri requestUri)
    {
        var request = CookieRequest.From(requestUri, Options.TreatLoopbackAsSecure);
        lock (_gate)
        {
            var selected = _store.SelectForRequest(request, Now);
            return selected.Count == 0 ? "" : CookieHeaderText(selected);
        }
    }

    /// <summary>The cookies that would be sent to <paramref name="requestUri"/>, in sending order.</summary>
    public IReadOnlyList<Cookie> GetCookies(Uri requestUri)
    {
        var request = CookieRequest.From(requestUri, Options.TreatLoopbackAsSecure);
        lock (_gate)
            return _store.SelectForRequest(request, Now).ConvertAll(stored => stored.Snapshot());
    }

    /// <summary>
    /// Adds or replaces a cookie by hand, like requests' <c>jar.set(name, value, domain=, path=)</c>.
    /// A leading dot in <paramref name="domain"/> makes a domain cookie (also sent to subdomains);
    /// without one the cookie is host-only. No origin checks apply (the caller is trusted), but every rule a Set-Cookie
    /// meets apart from its origin does: name and value text, domain syntax, public suffixes and cookie prefixes.
    /// </summary>
    /// <exception cref="ArgumentException">The cookie breaks one of those rules; the message says which (never the value).</exception>
    public Cookie Set(string name, string value, string domain, string path = "/", bool secure = false, bool httpOnly = false,
        DateTimeOffset? expires = null, SameSiteMode sameSite = SameSiteMode.Unspecified)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrEmpty(domain);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (SetCookieParser.Parse($"{name}={value}") is not { } parsed || parsed.Name != name || parsed.Value != value)
            throw new ArgumentException($"Cookie '{name}' is not a valid name=value pair (its value is not shown).", nameof(name));
        var hostOnly = domain[0] != '.';
        var canonicalDomain = CanonicalizeSetDomain(hostOnly ? domain : domain[1..]);
        var now = Now;
        var cookie = new Cookie
        {
            Name = name, Value = value, Domain = canonicalDomain, HostOnly = hostOnly, Path = path,
            Secure = secure, HttpOnly = httpOnly, SameSite = sameSite, Expires = expires, Created = now, LastAccess = now,
        };
        if (CookieStorageRules.CookieProblem(cookie, Options, _store.Suffixes) is { } problem)
            throw new ArgumentException($"Cookie '{name}' cannot be stored: {problem}.", nameof(name));
        lock (_gate)
            return _store.Store(cookie, now, out var stored) && stored is not null ? stored.Snapshot() : cookie;
    }

    /// <summary>The first stored cookie named <paramref name="name"/>, optionally only for exactly <paramref name="domain"/>.</summary>
    public Cookie? Get(string name, string? domain = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var canonicalDomain = domain is null ? null : CanonicalizeLookupDomain(domain);
        lock (_gate)
        {
            return _store.Find(name, canonicalDomain, path: null, Now)
                .MinBy(stored => stored.CreationOrder)?.Snapshot();
        }
    }

    /// <summary>Removes the cookies named <paramref name="name"/>, optionally only those with this exact domain and/or path.</summary>
    public bool Remove(string name, string? domain = null, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var canonicalDomain = domain is null ? null : CanonicalizeLookupDomain(domain);
        lock (_gate)
            return _store.Remove(name, canonicalDomain, path) > 0;
    }

    public void Clear()
    {
        lock (_gate)
            _store.Clear();
    }

    /// <summary>Name → value of every unexpired cookie, like requests' <c>get_dict()</c>; for duplicate names the newest wins.</summary>
    public IReadOnlyDictionary<string, string> ToDictionary()
    {
        var dictionary = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cookie in Snapshot())
            dictionary[cookie.Name] = cookie.Value;
        return dictionary;
    }

    /// <summary>Enumerates a snapshot of the unexpired cookies in creation order; the jar may change meanwhile.</summary>
    public IEnumerator<Cookie> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // curl and browsers write an IPv6 host with or without brackets; the jar keeps it as a request host canonicalizes.
    private static string CanonicalizeSetDomain(string domain)
    {
        var canonical = DomainMatching.CanonicalizeDomain(domain);
        // Stryker disable once Equality : "[]" (length 2) unwraps to "", which is no IP address, so it stays as given either way
        return canonical.Length > 2 && canonical[0] == '[' && canonical[^1] == ']' && DomainMatching.IsIpAddress(canonical[1..^1])
            ? canonical[1..^1]
            : canonical;
    }

    // Get/Remove accept "example.com" and ".example.com" alike, as requests does.
    private static string CanonicalizeLookupDomain(string domain) =>
        DomainMatching.CanonicalizeDomain(domain.StartsWith('.') ? domain[1..] : domain);

    private DateTimeOffset Now => _timeProvider.GetUtcNow();

    private bool Store(CookieRequest request, string? setCookieHeaderValue)
    {
        if (SetCookieParser.Parse(setCookieHeaderValue) is not { } parsed)
            return false;
        var now = Now;
        if (CookieStorageRules.Create(parsed, request, now, Options, _store.Suffixes) is not { } cookie)
            return false;
        lock (_gate)
        {
            // 6265bis "leave secure cookies alone": plain http must not replace or shadow a Secure cookie.
            if (!request.IsSecure && _store.ShadowsSecureCookie(cookie, now))
                return false;
            return _store.Store(cookie, now, out _);
        }
    }

    /// <summary>"a=1; b=2" in one allocation: the request path runs this for every request.</summary>
    private static string CookieHeaderText(List<StoredCookie> selected)
    {
        var length = 2 * (selected.Count - 1);
        foreach (var stored in selected)
            length += stored.Cookie.Name.Length + 1 + stored.Cookie.Value.Length;
        return string.Create(length, selected, static (span, cookies) =>
        {
            var at = 0;
            foreach (var stored in cookies)
            {
                if (at > 0)
                {
                    "; ".CopyTo(span[at..]);
                    at += 2;
                }
                stored.Cookie.Name.CopyTo(span[at..]);
                at += stored.Cookie.Name.Length;
                span[at++] = '=';
                stored.Cookie.Value.CopyTo(span[at..]);
                at += stored.Cookie.Value.Length;
            }
        });
    }

    private List<Cookie> Snapshot()
    {
        lock (_gate)
            return _store.All(Now).ConvertAll(stored => stored.Snapshot());
    }
}
