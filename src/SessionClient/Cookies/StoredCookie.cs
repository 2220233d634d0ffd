namespace SessionClient;

/// <summary>
/// The jar's mutable bookkeeping around an immutable <see cref="SessionClient.Cookie"/>: sending a
/// cookie only bumps <see cref="LastAccess"/> here instead of allocating a new record.
/// </summary>
internal sealed class StoredCookie(Cookie cookie, long creationOrder)
{
    public Cookie Cookie { get; } = cookie;

    /// <summary>Breaks creation-time ties (many cookies stored in the same tick) in arrival order.</summary>
    public long CreationOrder { get; } = creationOrder;

    public DateTimeOffset LastAccess { get; set; } = cookie.LastAccess;

    public bool IsExpired(DateTimeOffset now) => Cookie.IsExpired(now);

    public bool SameIdentity(Cookie other) =>
        Cookie.Name == other.Name && Cookie.Domain == other.Domain && Cookie.Path == other.Path;

    public Cookie Snapshot() => LastAccess == Cookie.LastAccess ? Cookie : Cookie with { LastAccess = LastAccess };

    /// <summary>§5.4 step 2: longer paths first, then earlier creation.</summary>
    public static int SendOrder(StoredCookie a, StoredCookie b)
    {
        var byPath = b.Cookie.Path.Length.CompareTo(a.Cookie.Path.Length);
        if (byPath != 0)
            return byPath;
        var byCreation = a.Cookie.Created.CompareTo(b.Cookie.Created);
        return byCreation != 0 ? byCreation : a.CreationOrder.CompareTo(b.CreationOrder);
    }

    /// <summary>Least recently used first; among equals, the oldest.</summary>
    public static int EvictionOrder(StoredCookie a, StoredCookie b)
    {
        var byAccess = a.LastAccess.CompareTo(b.LastAccess);
        return byAccess != 0 ? byAccess : a.CreationOrder.CompareTo(b.CreationOrder);
    }
}
