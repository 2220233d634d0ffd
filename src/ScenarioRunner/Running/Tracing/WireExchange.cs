namespace ScenarioRunner.Running.Tracing;

/// <summary>
/// One request as it reached the transport and what came back: each retry attempt and each redirect hop is one.
/// Headers keep one entry per value, so two Set-Cookie headers stay two lines.
/// </summary>
internal sealed record WireExchange(
    string Method,
    Uri Url,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    string? RequestBody,
    int? Status,
    string? ReasonPhrase,
    IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders,
    string? Error) : TraceEntry
{
    public IEnumerable<string> ResponseHeader(string name) =>
        ResponseHeaders.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public IEnumerable<string> RequestHeader(string name) =>
        RequestHeaders.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public bool IsRedirect => Status is >= 300 and < 400 && ResponseHeader("Location").Any();
}
