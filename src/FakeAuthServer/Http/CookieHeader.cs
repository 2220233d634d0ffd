namespace FakeAuthServer.Http;

/// <summary>
/// Reads the request's Cookie header(s) leniently, as servers must: pairs split on ';', name and value split at
/// the first '=', pieces without '=' or with an empty name skipped. Order is kept (the most specific path first).
/// </summary>
internal static class CookieHeader
{
    public static List<KeyValuePair<string, string>> Parse(HttpRequest request)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var header in request.Headers.Cookie)
            if (header is not null) AddPairs(header, pairs);
        return pairs;
    }

    /// <summary>First value of each name, as httpbin's dict shows it.</summary>
    public static Dictionary<string, string> ToDictionary(List<KeyValuePair<string, string>> pairs)
    {
        var dict = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs) dict.TryAdd(name, value);
        return dict;
    }

    /// <summary>Every value sent under <paramref name="name"/> (a browser may send several, by path).</summary>
    public static IEnumerable<string> ValuesOf(HttpRequest request, string name)
    {
        foreach (var (n, v) in Parse(request))
            if (n == name) yield return v;
    }

    private static void AddPairs(string header, List<KeyValuePair<string, string>> pairs)
    {
        foreach (var range in header.AsSpan().Split(';'))
        {
            var piece = header.AsSpan(range).Trim();
            var eq = piece.IndexOf('=');
            if (eq <= 0) continue;
            var name = piece[..eq].Trim();
            if (name.IsEmpty) continue;
            pairs.Add(new(name.ToString(), piece[(eq + 1)..].Trim().ToString()));
        }
    }
}
