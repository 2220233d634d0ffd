namespace ScenarioRunner.Model;

/// <summary>A cookie that must be present (with these attributes, where given) or absent.</summary>
public sealed record CookieExpectation
{
    public required string Name { get; init; }
    public bool Present { get; init; } = true;
    public string? Value { get; init; }
    public string? ValueRegex { get; init; }

    /// <summary>The value must differ from this one (e.g. a session id captured before a re-login).</summary>
    public string? NotValue { get; init; }
    public string? Domain { get; init; }
    public string? Path { get; init; }
    public bool? Secure { get; init; }
    public bool? HttpOnly { get; init; }
    public string? SameSite { get; init; }

    /// <summary>Expiry relative to now (the cookie's Max-Age as the jar sees it); "session" cookies have none.</summary>
    public TimeSpan? MaxAge { get; init; }
    public bool? Session { get; init; }
}
