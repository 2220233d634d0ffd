namespace SessionKit.Tests.Integration.Httpbin;

/// <summary>How a row's bodies are compared.</summary>
public enum BodyKind
{
    /// <summary>Parsed and compared as JSON (decompressed first per Content-Encoding), after <see cref="DifferentialRow.IgnoreJson"/> keys are dropped.</summary>
    Json,
    /// <summary>Byte for byte, after the host:port of each server is replaced by the same placeholder.</summary>
    Exact,
    /// <summary>One JSON document per line, each compared as <see cref="Json"/>.</summary>
    JsonLines,
    /// <summary>Only the length.</summary>
    Length,
    /// <summary>Not compared (random bytes).</summary>
    Ignore,
}

/// <summary>
/// Where SessionKit deliberately answers differently: what each side answers and why. The test holds both sides to
/// it, so a change on either side shows up.
/// </summary>
public sealed record Deliberate(int OurStatus, int HttpbinStatus, string Why)
{
    /// <summary>Our answer's Content-Type; null when not checked.</summary>
    public string? OurContentType { get; init; } = "application/problem+json";
}

/// <summary>One request sent to both servers, and what of the answers must agree.</summary>
public sealed record DifferentialRow(string Name, string Method, string Path)
{
    public Func<HttpContent?>? Body { get; init; }
    public (string Name, string Value)[] Headers { get; init; } = [];
    public BodyKind Kind { get; init; } = BodyKind.Json;

    /// <summary>Response headers compared besides Content-Type, Location, Set-Cookie, WWW-Authenticate, Content-Encoding, Allow and the CORS ones.</summary>
    public string[] CompareHeaders { get; init; } = [];

    /// <summary>JSON keys (at any depth) whose values are per run: uuids, random data.</summary>
    public string[] IgnoreJson { get; init; } = [];

    public Deliberate? Differs { get; init; }

    public override string ToString() => Name;
}
