namespace SessionClient;

/// <summary>
/// The cookies of a <see cref="CookieJar"/>, indexed by site (registrable domain, eTLD+1), with the
/// size limits and eviction. Not thread-safe: the jar serializes access.
/// </summary>
/// <remarks>
/// Any cookie that can domain-match a host shares the host's registrable domain (a Domain attribute
/// must domain-match the host and may not be a public suffix), so a request only scans one group,
/// whose size is bounded by <see cref="CookieJarOptions.MaxCookiesPerDomain"/>.
/// </remarks>
internal sealed class CookieStore(CookieJarOptions options, PublicSuffixList suffixes)
{
    private readonly Dictionary<string, List<StoredCookie>> _bySite = new(StringComparer.Ordinal);
    private long _nextCreationOrder;
    private int _count; // includes expired cookies not purged yet

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
        var site = SiteKey(cookie.Domain);
        var group = _bySite.GetValueOrDefault(site);
        if (group is not null)
            PurgeExpired(site, group, now);

        var index = group?.FindIndex(s => s.SameIdentity(cookie)) ?? -1;
        if (cookie.IsExpired(now))
        {
            if (index < 0)
                return false;
            RemoveAt(site, group!, index);
            return true;
        }

        if (index >= 0)
        {
            var old = group![index];
            stored = new StoredCookie(cookie with { Created = old.Cookie.Created }, old.CreationOrder);
            group[index] = stored;
            return true;
        }

        if (group is null || group.Count == 0)
            _bySite[site] = group = [];
        stored = new StoredCookie(cookie, _nextCreationOrder++);
        group.Add(stored);
        _count++;
        EnforceLimits(group, stored, now);
        return true;
    }

    /// <summary>6265bis §5.7 step 16: a same-named Secure cookie whose domain and path cover the new one.</summary>
    public bool ShadowsSecureCookie(Cookie cookie)
    {
        if (cookie.Secure || !_bySite.TryGetValue(SiteKey(cookie.Domain), out var group))
            return false;
        return group.Exists(s => s.Cookie.Secure
            && s.Cookie.Name == cookie.Name
            && (DomainMatching.DomainMatches(s.Cookie.Domain, cookie.Domain) || DomainMatching.DomainMatches(cookie.Domain, s.Cookie.Domain))
            && PathMatching.PathMatches(cookie.Path, s.Cookie.Path));
    }

    /// <summary>§5.4: the cookies to send, in sending order, marked as accessed now.</summary>
    public List<StoredCookie> SelectForRequest(CookieRequest request, DateTimeOffset now)
    {
        var site = SiteKey(request.Host);
        if (!_bySite.TryGetValue(site, out var group))
            return [];
        PurgeExpired(site, group, now);

        var selected = group.FindAll(s =>
            (s.Cookie.HostOnly ? s.Cookie.Domain == request.Host : DomainMatching.DomainMatches(request.Host, s.Cookie.Domain))
            && PathMatching.PathMatches(request.Path, s.Cookie.Path)
            && (!s.Cookie.Secure || request.IsSecure));
        selected.Sort(StoredCookie.SendOrder);
        foreach (var s in selected)
            s.LastAccess = now;
        return selected;
    }

    /// <summary>Unexpired cookies named <paramref name="name"/>, filtered by exact domain and path when given.</summary>
    public List<StoredCookie> Find(string name, string? domain, string? path, DateTimeOffset now)
    {
        var found = new List<StoredCookie>();
        foreach (var group in GroupsFor(domain))
        {
            found.AddRange(group.Where(s => Matches(s, name, domain, path) && !s.IsExpired(now)));
        }
        return found;
    }

    public int Remove(string name, string? domain, string? path)
    {
        var removed = 0;
        foreach (var group in GroupsFor(domain).ToList())
            removed += group.RemoveAll(s => Matches(s, name, domain, path));
        _count -= removed;
        DropEmptyGroups();
        return removed;
    }

    public void Clear()
    {
        _bySite.Clear();
        _count = 0;
    }

    /// <summary>Every unexpired cookie in creation order.</summary>
    public List<StoredCookie> All(DateTimeOffset now)
    {
        PurgeAllExpired(now);
        var all = _bySite.Values.SelectMany(group => group).ToList();
        all.Sort((a, b) => a.CreationOrder.CompareTo(b.CreationOrder));
        return all;
    }

    private static bool Matches(StoredCookie stored, string name, string? domain, string? path) =>
        stored.Cookie.Name == name
        && (domain is null || stored.Cookie.Domain == domain)
        && (path is null || stored.Cookie.Path == path);

    private IEnumerable<List<StoredCookie>> GroupsFor(string? domain)
    {
        if (domain is null)
            return _bySite.Values;
        return _bySite.TryGetValue(SiteKey(domain), out var group) ? [group] : [];
    }

    // IP addresses and public suffixes (a host-only cookie on "github.io" or "localhost") are their own site.
    private string SiteKey(string domain) =>
        DomainMatching.IsIpAddress(domain) ? domain : Suffixes.GetRegistrableDomain(domain) ?? domain;

    // Chromium's policy, simplified: expired cookies go first, then the least recently used.
    // The site limit is enforced exactly; the global one evicts 10% extra so that a full jar
    // does not pay a whole-jar scan on every new cookie.
    private void EnforceLimits(List<StoredCookie> group, StoredCookie keep, DateTimeOffset now)
    {
        while (group.Count > options.MaxCookiesPerDomain)
        {
            var victim = -1;
            for (var i = 0; i < group.Count; i++)
            {
                if (group[i] != keep && (victim < 0 || StoredCookie.EvictionOrder(group[i], group[victim]) < 0))
                    victim = i;
            }
            group.RemoveAt(victim);
            _count--;
        }

        if (_count <= options.MaxCookies)
            return;
        PurgeAllExpired(now);
        if (_count <= options.MaxCookies)
            return;
        var target = options.MaxCookies - options.MaxCookies / 10;
        var victims = _bySite.Values.SelectMany(g => g).Where(s => s != keep).ToList();
        victims.Sort(StoredCookie.EvictionOrder);
        var doomed = victims.Take(_count - target).ToHashSet();
        foreach (var g in _bySite.Values)
            _count -= g.RemoveAll(doomed.Contains);
        DropEmptyGroups();
    }

    private void PurgeExpired(string site, List<StoredCookie> group, DateTimeOffset now)
    {
        _count -= group.RemoveAll(s => s.IsExpired(now));
        if (group.Count == 0)
            _bySite.Remove(site);
    }

    private void PurgeAllExpired(DateTimeOffset now)
    {
        foreach (var group in _bySite.Values)
            _count -= group.RemoveAll(s => s.IsExpired(now));
        DropEmptyGroups();
    }

    private void RemoveAt(string site, List<StoredCookie> group, int index)
    {
        group.RemoveAt(index);
        _count--;
        if (group.Count == 0)
            _bySite.Remove(site);
    }

    private void DropEmptyGroups()
    {
        foreach (var site in _bySite.Where(pair => pair.Value.Count == 0).Select(pair => pair.Key).ToList())
            _bySite.Remove(site);
    }
}
