namespace ScenarioRunner.Model;

/// <summary>What a request's outcome must look like; every part is optional.</summary>
public sealed record ExpectSpec
{
    public int? Status { get; init; }
    public IReadOnlyList<HeaderExpectation> Headers { get; init; } = [];

    /// <summary>A YAML mapping/sequence/scalar the response JSON must contain (a subset match).</summary>
    public JsonSubset? Json { get; init; }
    public string? BodyContains { get; init; }
    public string? BodyRegex { get; init; }

    /// <summary>Cookies in the session's jar after the step.</summary>
    public IReadOnlyList<CookieExpectation> Cookies { get; init; } = [];

    /// <summary>Cookies the final response itself set (requests' response.cookies).</summary>
    public IReadOnlyList<CookieExpectation> SetCookies { get; init; } = [];

    /// <summary>Claims of JWTs in the response JSON: each token's payload must contain its subset.</summary>
    public IReadOnlyList<JwtExpectation> Jwt { get; init; } = [];

    /// <summary>How many times the request reached the transport (retries and redirect hops included).</summary>
    public int? Attempts { get; init; }
}

public sealed record HeaderExpectation(string Name, string? EqualTo, string? Contains, bool? Present);

/// <summary>The JWT at the dotted json <paramref name="Path"/> of the response carries <paramref name="Claims"/> (a subset).</summary>
public sealed record JwtExpectation(string Path, JsonSubset Claims);

/// <summary>The expected JSON, kept as a tree of strings, lists and dictionaries as YAML gave it.</summary>
public sealed record JsonSubset(object? Tree);
