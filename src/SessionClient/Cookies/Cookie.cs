namespace SessionClient;

/// <summary>
/// A cookie as stored by <see cref="CookieJar"/> (the RFC 6265 §5.3 record). Immutable: the jar
/// swaps whole instances, so a cookie handed out never changes under the caller.
/// </summary>
public sealed record Cookie
{
    public required string Name { get; init; }
    public required string Value { get; init; }

    /// <summary>Canonical (lower-case, IDNA ASCII) domain, without a leading dot.</summary>
    public required string Domain { get; init; }

    /// <summary>True when the cookie had no Domain attribute: it is sent to <see cref="Domain"/> only, not to its subdomains.</summary>
    public bool HostOnly { get; init; }

    public string Path { get; init; } = "/";
    public bool Secure { get; init; }
    public bool HttpOnly { get; init; }
    public SameSiteMode SameSite { get; init; }

    /// <summary>When the cookie stops being sent; null for a session cookie.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>When the cookie was first stored; kept when a later response replaces it (§5.3 step 11).</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>When the cookie was last stored or sent; drives least-recently-used eviction.</summary>
    public DateTimeOffset LastAccess { get; init; }

    /// <summary>False for session cookies, which a browser drops when it closes.</summary>
    public bool Persistent => Expires is not null;

    public bool IsExpired(DateTimeOffset now) => Expires is { } expires && expires <= now;

    /// <summary>The name=value pair as it appears in a Cookie request header.</summary>
    public override string ToString() => $"{Name}={Value}";
}
