namespace SessionClient;

/// <summary>
/// One Set-Cookie header after RFC 6265 §5.2 parsing, before the storage model (§5.3) has looked
/// at the request: domain and path are not validated yet and relative lifetimes are not resolved.
/// </summary>
public sealed record SetCookieParseResult
{
    public required string Name { get; init; }
    public required string Value { get; init; }

    /// <summary>Last non-empty Domain attribute, leading dot removed, lower-cased; null when absent.</summary>
    public string? Domain { get; init; }

    /// <summary>Last Path attribute when it starts with '/'; null means "use the default-path" (§5.2.4).</summary>
    public string? Path { get; init; }

    /// <summary>Last valid Expires attribute.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Last valid Max-Age in seconds; zero or negative means "expire now". Wins over <see cref="Expires"/>.</summary>
    public long? MaxAgeSeconds { get; init; }

    public bool Secure { get; init; }
    public bool HttpOnly { get; init; }
    public SameSiteMode SameSite { get; init; }
}
