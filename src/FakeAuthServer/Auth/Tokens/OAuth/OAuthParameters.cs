using Microsoft.Extensions.Primitives;

namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>
/// Request parameters of an OAuth endpoint. RFC 6749 §3.1/§3.2: parameters sent without a value are treated as
/// omitted, and none may appear more than once.
/// </summary>
internal sealed class OAuthParameters(IEnumerable<KeyValuePair<string, StringValues>> values)
{
    private readonly Dictionary<string, StringValues> _values =
        values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public string? this[string name] =>
        _values.TryGetValue(name, out var v) && v.Count == 1 && !string.IsNullOrEmpty(v[0]) ? v[0] : null;

    /// <summary>The first parameter sent more than once, or null.</summary>
    public string? Repeated => _values.FirstOrDefault(p => p.Value.Count > 1).Key;

    public bool IsRepeated(string name) => _values.TryGetValue(name, out var v) && v.Count > 1;

    /// <summary>
    /// A browser-facing endpoint's parameters (authorize, end session): a GET's query, or a POST's form body and
    /// nothing of its query; another POST body is a 415 problem.
    /// </summary>
    public static async Task<(IEnumerable<KeyValuePair<string, StringValues>> Raw, IResult? Problem)> ReadAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method)) return (request.Query, null);
        if (!request.HasFormContentType) return ([], Http.Problems.UnsupportedMediaType("application/x-www-form-urlencoded"));
        return (await request.ReadFormAsync(request.HttpContext.RequestAborted), null);
    }
}
