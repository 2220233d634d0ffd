namespace SessionClient;

/// <summary>
/// The cookies of a <see cref="CookieJar"/>, indexed by their exact domain, with the size limits and eviction.
/// Not thread-safe: the jar serializes access.
/// </summary>
/// <remarks>
/// A cookie that can be sent to a host has as its domain the host itself or one of its parents no shorter than the
/// host's registrable domain (a Domain attribute must domain-match the host and may not be a public suffix). So a
/// request looks only in those few groups: its cost follows the cookies that could match the host, not the jar or
/// the site. The per-site limit (<see cref="CookieJarOptions.MaxCookiesPerDomain"/>, by registrable domain as in
/// Chromium) is kept with a count per site.
/// </remarks>
internal sealed class CookieStore(CookieJarOptions options, PublicSuffixList suffixes)
{
    private readonly Dictionary<string, List<StoredCookie>> _byDomain = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Site> _sites = new(StringComparer.Ordinal);
    private long _nextCreationOrder;
    private int _count; // includes expired cookies not purged yet

    private sealed class Site
    {
        public int Count;
        public int SecureCount; // lets the 6265bis shadowing check skip sites without Secure cookies
        public readonly HashSet<string> Domains = new(StringComparer.Ordinal);
    }

    public PublicSuffixList Suffixes { get; } = suffixes;

    public int StoredIncludingExpired => _count;

    public int Count(DateTimeOffset now)
    {
        PurgeAllExpired(now);
        return _count;
    }

    /// <summary>
    /// §5.3 steps 11-12: replaces a cookie with the same name, domain and path (keeping its creation
    /// time) or adds it; an already expired cookie only deletes. Returns whether the jar changed.
    /// </summary>
    public bool Store(Cookie cookie, DateTimeOffset now, out StoredCookie? stored)
    {
        stored = null;
        var group = LiveGroup(cookie.Domain, now);
        var index = group?.FindIndex(s => s.SameIdentity(cookie)) ?? -1;
        if (cookie.IsExpired(now))
        {
            if (index < 0)
                return false;
            RemoveFrom(cookie.Domain, group!, [group![index]]);
            return true;
        }

        if (index >= 0)
        {
            var old = group![index];
            stored = new StoredCookie(cookie with { Created = old.Cookie.Created }, old.CreationOrder);
            group[index] = stored;
            SiteOf(cookie.Domain, create: false)!.SecureCount += (cookie.Secure ? 1 : 0) - (old.Cookie.Secure ? 1 : 0);
            return true;
        }

        if (group is null)
        {
            _byDomain[cookie.Domain] = group = [];
            SiteOf(cookie.Domain, create: true)!.Domains.Add(cookie.Domain);
        }
        stored = new StoredCookie(cookie, _nextCreationOrder++);
        group.Add(stored);
        _count++;
        var site = SiteOf(cookie.Domain, create: true)!;
        site.Count++;
        if (cookie.Secure) site.SecureCount++;
        EnforceLimits(cookie.Domain, stored, now);
        return true;
    }

    /// <summary>6265bis §5.7 step 16: a same-named Secure cookie whose domain and path cover the new one.</summary>
    public bool ShadowsSecureCookie(Cookie cookie, DateTimeOffset now)
    {
        if (cookie.Secure || SiteOf(cookie.Domain, create: false) is not { SecureCount: > 0 } site)
            return false;
        foreach (var domain in site.Domains)
        {
            if (!DomainMatching.DomainMatches(domain, cookie.Domain) && !DomainMatching.DomainMatches(cookie.Domain, domain))
                continue;
            if (_byDomain[domain].Exists(s => s.Cookie.Secure && !s.IsExpired(now) && s.Cookie.Name == cookie.Name
                    && PathMatching.PathMatches(cookie.Path, s.Cookie.Path)))
                return true;
        }
        return false;
    }

    /// <summary>§5.4: the cookies to send, in sending order, marked as accessed now.</summary>
    public List<StoredCookie> SelectForRequest(CookieRequest request, DateTimeOffset now)
    {
        var selected = new List<StoredCookie>();
        foreach (var domain in CandidateDomains(request.Host))
        {
            if (LiveGroup(domain, now) is not { } group)
                continue;
            var sameHost = domain == request.Host;
            foreach (var s in group)
                if ((sameHost || !s.Cookie.HostOnly)
                    && PathMatching.PathMatches(request.Path, s.Cookie.Path)
                    && (!s.Cookie.Secure || request.IsSecure))
                    selected.Add(s);
        }
        selected.Sort(StoredCookie.SendOrder);
        foreach (var s in selected)
            s.LastAccess = now;
        return selected;
    }

    /// <summary>Unexpired cookies named <paramref name="name"/>, filtered by exact domain and path when given.</summary>
    public List<StoredCookie> Find(string name, string? domain, string? path, DateTimeOffset now) =>
        GroupsFor(domain).SelectMany(group => group).Where(s => Matches(s, name, domain, path) && !s.IsExpired(now)).ToList();

    public int Remove(string name, string? domain, string? path)
    {
        var removed = 0;
        foreach (var (key, group) in GroupsWithKeys(domain).ToList())
        {
            var doomed = group.Where(s => Matches(s, name, domain, path)).ToList();
            RemoveFrom(key, group, doomed);
            removed += doomed.Count;
        }
        return removed;
    }

    public void Clear()
    {
        _byDomain.Clear();
        _sites.Clear();
        _count = 0;
    }

    /// <summary>Every unexpired cookie in creation order.</summary>
    public List<StoredCookie> All(DateTimeOffset now)
    {
        PurgeAllExpired(now);
        var all = _byDomain.Values.SelectMany(group => group).ToList();
        all.Sort((a, b) => a.CreationOrder.CompareTo(b.CreationOrder));
        return all;
    }

    /// <summary>The host, then its parents down to its registrable domain: where its cookies can live.</summary>
    private IEnumerable<string> CandidateDomains(string host)
    {
        yield return host;
        if (DomainMatching.IsIpAddress(host) || Suffixes.GetRegistrableDomain(host) is not { } registrable || registrable == host)
            yield break;
        var current = host;
        while (current.Length > registrable.Length && current.IndexOf('.') is var dot and >= 0)
        {
            current = current[(dot + 1)..];
            yield return current;
        }
    }

    private static bool Matches(StoredCookie stored, string name, string? domain, string? path) =>
        stored.Cookie.Name == name
        && (domain is null || stored.Cookie.Domain == domain)
        && (path is null || stored.Cookie.Path == path);

    private IEnumerable<List<StoredCookie>> GroupsFor(string? domain) => GroupsWithKeys(domain).Select(pair => pair.Value);

    private IEnumerable<KeyValuePair<string, List<StoredCookie>>> GroupsWithKeys(string? domain)
    {
        if (domain is null)
            return _byDomain;
        return _byDomain.TryGetValue(domain, out var group) ? [new(domain, group)] : [];
    }

    /// <summary>The group of cookies with exactly this domain, expired ones dropped; null when there is none.</summary>
    private List<StoredCookie>? LiveGroup(string domain, DateTimeOffset now)
    {
        if (!_byDomain.TryGetValue(domain, out var group))
            return null;
        RemoveFrom(domain, group, group.Where(s => s.IsExpired(now)).ToList());
        return group.Count == 0 ? null : group;
    }

    // IP addresses and public suffixes (a host-only cookie on "github.io" or "localhost") are their own site.
    private string SiteKey(string domain) =>
        DomainMatching.IsIpAddress(domain) ? domain : Suffixes.GetRegistrableDomain(domain) ?? domain;

    private Site? SiteOf(string domain, bool create)
    {
        var key = SiteKey(domain);
        if (_sites.TryGetValue(key, out var site) || !create)
            return site;
        return _sites[key] = new Site();
    }

    // Chromium's policy, simplified: expired cookies go first, then the least recently used.
    // The site limit is enforced exactly; the global one evicts 10% extra so that a full jar
    // does not pay a whole-jar scan on every new cookie.
    private void EnforceLimits(string domain, StoredCookie keep, DateTimeOffset now)
    {
        var site = SiteOf(domain, create: false)!;
        if (site.Count > options.MaxCookiesPerDomain)
        {
            foreach (var d in site.Domains.ToList()) LiveGroup(d, now);
            var victims = site.Domains.SelectMany(d => _byDomain[d]).Where(s => s != keep).ToList();
            victims.Sort(StoredCookie.EvictionOrder);
            EvictAll(victims.Take(site.Count - options.MaxCookiesPerDomain));
        }

        if (_count <= options.MaxCookies)
            return;
        PurgeAllExpired(now);
        if (_count <= options.MaxCookies)
            return;
        var target = options.MaxCookies - options.MaxCookies / 10;
        var all = _byDomain.Values.SelectMany(g => g).Where(s => s != keep).ToList();
        all.Sort(StoredCookie.EvictionOrder);
        EvictAll(all.Take(_count - target));
    }

    private void EvictAll(IEnumerable<StoredCookie> victims)
    {
        foreach (var byDomain in victims.GroupBy(s => s.Cookie.Domain).ToList())
            RemoveFrom(byDomain.Key, _byDomain[byDomain.Key], byDomain.ToList());
    }

    private void PurgeAllExpired(DateTimeOffset now)
    {
        foreach (var domain in _byDomain.Keys.ToList())
            LiveGroup(domain, now);
    }

    /// <summary>The one place cookies leave the store: keeps the counts, the site index and empty groups right.</summary>
    private void RemoveFrom(string domain, List<StoredCookie> group, IReadOnlyCollection<StoredCookie> doomed)
    {
        if (doomed.Count == 0)
            return;
        var set = doomed.ToHashSet();
        var secure = group.Count(s => s.Cookie.Secure && set.Contains(s));
        var removed = group.RemoveAll(set.Contains);
        _count -= removed;
        var site = SiteOf(domain, create: false)!;
        site.Count -= removed;
        site.SecureCount -= secure;
        if (group.Count > 0)
            return;
        _byDomain.Remove(domain);
        site.Domains.Remove(domain);
        if (site.Domains.Count == 0)
            _sites.Remove(SiteKey(domain));
    }
}
