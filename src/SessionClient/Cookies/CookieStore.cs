namespace SessionClient;

/// <summary>
/// The cookies of a <see cref="CookieJar"/>, indexed by their exact domain, with the size limits and eviction.
/// Not thread-safe: the jar serializes access.
/// </summary>
/// <remarks>
/// A cookie that can be sent to a host has as its domain the host itself or one of its parents no shorter than the
/// host's registrable domain (a Domain attribute must domain-match the host and may not be a public suffix). So a
/// request looks only in the groups of its host and the host's parents (a few dictionary lookups, no suffix-list
/// walk): its cost follows the cookies that could match the host, not the jar or the site. A group also knows its
/// site and its next expiry, so neither a store nor a lookup pays a suffix-list walk or an expiry scan it needs not. The per-site limit (<see cref="CookieJarOptions.MaxCookiesPerDomain"/>, by registrable domain as in
/// Chromium) is kept with a count per site.
/// </remarks>
internal sealed class CookieStore
{
    private readonly CookieJarOptions _options;
    private readonly Dictionary<string, DomainGroup> _byDomain = new(StringComparer.Ordinal);
    // A request's parent domains are slices of its host: look them up without allocating a substring each.
    private readonly Dictionary<string, DomainGroup>.AlternateLookup<ReadOnlySpan<char>> _byDomainSpan;
    private readonly Dictionary<string, Site> _sites = new(StringComparer.Ordinal);
    private long _nextCreationOrder;
    private int _count; // includes expired cookies not purged yet

    private sealed class Site(string key)
    {
        public readonly string Key = key;
        public int Count;
        public int SecureCount; // lets the 6265bis shadowing check skip sites without Secure cookies
        public readonly HashSet<string> Domains = new(StringComparer.Ordinal);
    }

    /// <summary>The cookies with one exact domain, their site (looked up once, not per call) and their next expiry.</summary>
    private sealed class DomainGroup(Site site) : List<StoredCookie>
    {
        public readonly Site Site = site;

        /// <summary>No cookie here expires before this; a lookup earlier than it skips the expiry scan.</summary>
        public DateTimeOffset NextExpiry = DateTimeOffset.MaxValue;

        public void NoteExpiry(Cookie cookie)
        {
            if (cookie.Expires is { } expires && expires < NextExpiry) NextExpiry = expires;
        }
    }

    public CookieStore(CookieJarOptions options, PublicSuffixList suffixes)
    {
        _options = options;
        Suffixes = suffixes;
        _byDomainSpan = _byDomain.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public PublicSuffixList Suffixes { get; }

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
        var index = group is null ? -1 : IndexOfIdentity(group, cookie);
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
            group.NoteExpiry(cookie);
            // Stryker disable once Arithmetic,Conditional : SecureCount only lets the shadowing check skip a site; a count too high costs one scan, never a wrong answer (too low is tested)
            group.Site.SecureCount += (cookie.Secure ? 1 : 0) - (old.Cookie.Secure ? 1 : 0);
            return true;
        }

        if (group is null)
        {
            var newSite = SiteOf(cookie.Domain, create: true)!;
            _byDomain[cookie.Domain] = group = new DomainGroup(newSite);
            newSite.Domains.Add(cookie.Domain);
        }
        stored = new StoredCookie(cookie, _nextCreationOrder++);
        group.Add(stored);
        group.NoteExpiry(cookie);
        _count++;
        var site = group.Site;
        site.Count++;
        if (cookie.Secure) site.SecureCount++;
        EnforceLimits(site, stored, now);
        return true;
    }

    /// <summary>6265bis §5.7 step 16: a same-named Secure cookie whose domain and path cover the new one.</summary>
    public bool ShadowsSecureCookie(Cookie cookie, DateTimeOffset now)
    {
        if (cookie.Secure)
            return false;
        // The group's site saves a public-suffix lookup; a new domain needs one.
        var site = _byDomain.TryGetValue(cookie.Domain, out var own) ? own.Site : SiteOf(cookie.Domain, create: false);
        if (site is not { SecureCount: > 0 })
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
        List<StoredCookie>? selected = null;
        var host = request.Host;
        // The host, then each parent (a.b.example.com → b.example.com → example.com → com). Only a cookie on the host
        // itself may be host-only, and a domain cookie never lives on a public suffix (refused when stored), so a
        // parent group yields exactly the cookies whose Domain covers the host: no suffix-list walk per request.
        for (var start = 0; start >= 0; start = request.IsIpAddress ? -1 : NextLabel(host, start))
        {
            var sameHost = start == 0;
            if (!_byDomainSpan.TryGetValue(host.AsSpan(start), out var domain, out var group) || LiveGroup(domain, group, now) is null)
                continue;
            foreach (var s in group)
                if ((sameHost || !s.Cookie.HostOnly)
                    && PathMatching.PathMatches(request.Path, s.Cookie.Path)
                    && (!s.Cookie.Secure || request.IsSecure))
                    (selected ??= new List<StoredCookie>(group.Count)).Add(s);
        }
        if (selected is null)
            return [];
        if (selected.Count > 1)
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

    /// <summary>Where the parent domain after the label at <paramref name="start"/> begins; -1 past the last label.</summary>
    private static int NextLabel(string host, int start)
    {
        var dot = host.IndexOf('.', start);
        return dot < 0 || dot == host.Length - 1 ? -1 : dot + 1;
    }

    private static int IndexOfIdentity(List<StoredCookie> group, Cookie cookie)
    {
        for (var i = 0; i < group.Count; i++)
            if (group[i].SameIdentity(cookie))
                return i;
        return -1;
    }

    private static bool Matches(StoredCookie stored, string name, string? domain, string? path) =>
        stored.Cookie.Name == name
        && (domain is null || stored.Cookie.Domain == domain)
        && (path is null || stored.Cookie.Path == path);

    private IEnumerable<DomainGroup> GroupsFor(string? domain) => GroupsWithKeys(domain).Select(pair => pair.Value);

    private IEnumerable<KeyValuePair<string, DomainGroup>> GroupsWithKeys(string? domain)
    {
        if (domain is null)
            return _byDomain;
        return _byDomain.TryGetValue(domain, out var group) ? [new(domain, group)] : [];
    }

    /// <summary>The group of cookies with exactly this domain, expired ones dropped; null when there is none.</summary>
    private DomainGroup? LiveGroup(string domain, DateTimeOffset now) =>
        _byDomain.TryGetValue(domain, out var group) ? LiveGroup(domain, group, now) : null;

    private DomainGroup? LiveGroup(string domain, DomainGroup group, DateTimeOffset now)
    {
        if (now < group.NextExpiry)
            return group; // nothing here has expired yet: no scan, no allocation
        RemoveFrom(domain, group, group.Where(s => s.IsExpired(now)).ToList());
        if (group.Count == 0)
            return null;
        group.NextExpiry = DateTimeOffset.MaxValue;
        foreach (var s in group) group.NoteExpiry(s.Cookie);
        return group;
    }

    // IP addresses and public suffixes (a host-only cookie on "github.io" or "localhost") are their own site.
    private string SiteKey(string domain) =>
        DomainMatching.IsIpAddress(domain) ? domain : Suffixes.GetRegistrableDomain(domain) ?? domain;

    private Site? SiteOf(string domain, bool create)
    {
        var key = SiteKey(domain);
        if (_sites.TryGetValue(key, out var site) || !create)
            return site;
        return _sites[key] = new Site(key);
    }

    // Chromium's policy, simplified: expired cookies go first, then the least recently used.
    // The site limit is enforced exactly; the global one evicts 10% extra so that a full jar
    // does not pay a whole-jar scan on every new cookie.
    private void EnforceLimits(Site site, StoredCookie keep, DateTimeOffset now)
    {
        // Stryker disable once Equality : at exactly the limit there is nothing to evict (Take(0)), so > and >= behave alike
        if (site.Count > _options.MaxCookiesPerDomain)
        {
            foreach (var d in site.Domains.ToList()) LiveGroup(d, now);
            var victims = site.Domains.SelectMany(d => _byDomain[d]).Where(s => s != keep).ToList();
            victims.Sort(StoredCookie.EvictionOrder);
            EvictAll(victims.Take(site.Count - _options.MaxCookiesPerDomain));
        }

        if (_count <= _options.MaxCookies)
            return;
        PurgeAllExpired(now);
        if (_count <= _options.MaxCookies)
            return;
        var target = _options.MaxCookies - _options.MaxCookies / 10;
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
    private void RemoveFrom(string domain, DomainGroup group, IReadOnlyCollection<StoredCookie> doomed)
    {
        if (doomed.Count == 0)
            return;
        var set = doomed.ToHashSet();
        var secure = group.Count(s => s.Cookie.Secure && set.Contains(s));
        var removed = group.RemoveAll(set.Contains);
        _count -= removed;
        var site = group.Site;
        site.Count -= removed;
        // Stryker disable once Assignment : SecureCount only lets the shadowing check skip a site; a count too high costs one scan, never a wrong answer (too low is tested)
        site.SecureCount -= secure;
        if (group.Count > 0)
            return;
        _byDomain.Remove(domain);
        site.Domains.Remove(domain);
        if (site.Domains.Count == 0)
            _sites.Remove(site.Key);
    }
}
