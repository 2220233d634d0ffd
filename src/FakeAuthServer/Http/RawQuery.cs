using System.Net;

namespace FakeAuthServer.Http;

/// <summary>
/// The query string as httpbin (Werkzeug) reads it: names are case-sensitive, every pair is kept in order, '+' is a
/// space, a bad %-escape stays as written. ASP.NET's <c>Request.Query</c> folds names that differ only in case,
/// so the httpbin routes read the raw string through this one parser.
/// </summary>
internal static class RawQuery
{
    public static List<KeyValuePair<string, string>> Pairs(HttpRequest request) => Parse(request.QueryString.Value);

    public static List<KeyValuePair<string, string>> Parse(string? query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(query)) return pairs;
        foreach (var part in query.AsSpan(query[0] == '?' ? 1 : 0).ToString().Split('&'))
        {
            if (part.Length == 0) continue;
            var equals = part.IndexOf('=');
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }
        return pairs;
    }

    /// <summary>httpbin's "args": a name given once maps to its value, a repeated one to the list of its values.</summary>
    public static SortedDictionary<string, object> Args(HttpRequest request)
    {
        var args = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, values) in Grouped(Pairs(request)))
            args[name] = values.Count == 1 ? values[0] : values.ToArray();
        return args;
    }

    /// <summary>Each name once, in order of first appearance, with its first value (Werkzeug's MultiDict.items()).</summary>
    public static List<KeyValuePair<string, string>> FirstValues(HttpRequest request) =>
        [.. Grouped(Pairs(request)).Select(g => new KeyValuePair<string, string>(g.Key, g.Value[0]))];

    /// <summary>
    /// The first value of each name, names compared ignoring case (the first spelling wins): how httpbin reads the
    /// parameters of /drip and /range through a CaseInsensitiveDict.
    /// </summary>
    public static Dictionary<string, string> FirstValuesIgnoringCase(HttpRequest request)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in FirstValues(request)) values.TryAdd(name, value);
        return values;
    }

    public static string? First(HttpRequest request, string name) =>
        Pairs(request).FirstOrDefault(p => p.Key == name) is { Key: not null } pair ? pair.Value : null;

    private static List<KeyValuePair<string, List<string>>> Grouped(List<KeyValuePair<string, string>> pairs)
    {
        var grouped = new List<KeyValuePair<string, List<string>>>();
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            if (!index.TryGetValue(name, out var values))
            {
                index[name] = values = [];
                grouped.Add(new(name, values));
            }
            values.Add(value);
        }
        return grouped;
    }

    private static string Decode(string text) => WebUtility.UrlDecode(text);
}
