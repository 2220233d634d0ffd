using System.Text;
using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>
/// httpbin's picture of a request (its <c>get_dict</c>): url, args, headers and origin, as Werkzeug shows them.
/// </summary>
internal static class RequestDict
{
    /// <summary>Headers httpbin hides unless the query names show_env (those a hosting proxy adds).</summary>
    private static readonly HashSet<string> EnvHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "X-Varnish", "X-Request-Start", "X-Heroku-Queue-Depth", "X-Real-Ip", "X-Forwarded-Proto",
        "X-Forwarded-Protocol", "X-Forwarded-Ssl", "X-Heroku-Queue-Wait-Time", "X-Forwarded-For",
        "X-Heroku-Dynos-In-Use", "X-Forwarded-Port", "X-Request-Id", "Via", "Total-Route-Time", "Connect-Time",
    };

    /// <summary>The request's headers, names title-cased as Werkzeug's environ gives them (x-my-id → X-My-Id).</summary>
    public static SortedDictionary<string, string> Headers(HttpRequest request)
    {
        var showEnv = RawQuery.Pairs(request).Any(p => p.Key == "show_env");
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Headers)
        {
            if (!showEnv && EnvHeaders.Contains(name)) continue;
            var title = TitleCase(name);
            headers[title] = headers.TryGetValue(title, out var earlier) ? $"{earlier},{values}" : values.ToString();
        }
        return headers;
    }

    /// <summary>X-Forwarded-For when sent, else the peer's address (in-process, with no socket: "in-process").</summary>
    public static string Origin(HttpContext context) =>
        context.Request.Headers["X-Forwarded-For"] is { Count: > 0 } forwarded ? forwarded.ToString()
        : context.Connection.RemoteIpAddress?.ToString() ?? "in-process";

    /// <summary>
    /// Werkzeug's request.url: the decoded path, and the query with %-escapes decoded except those for characters
    /// that mean something in a query (its uri_to_iri).
    /// </summary>
    public static string Url(HttpRequest request)
    {
        var path = (request.PathBase + request.Path).Value ?? "";
        path = path.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var query = request.QueryString.Value is { Length: > 1 } q ? "?" + QueryAsIri(q[1..]) : "";
        return $"{request.Scheme}://{request.Host}{path}{query}";
    }

    private static string TitleCase(string name)
    {
        var chars = name.ToCharArray();
        var afterLetter = false;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            chars[i] = afterLetter ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c);
            afterLetter = char.IsLetter(c);
        }
        return new string(chars);
    }

    private const string KeptEscaped = "%;/?:@&=+,$#";

    private static string QueryAsIri(string query)
    {
        var bytes = new List<byte>(query.Length);
        for (var i = 0; i < query.Length; i++)
        {
            if (query[i] == '%' && i + 2 < query.Length &&
                byte.TryParse(query.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var b) &&
                !(b < 0x80 && KeptEscaped.Contains((char)b, StringComparison.Ordinal)))
            {
                bytes.Add(b);
                i += 2;
                continue;
            }
            bytes.AddRange(Encoding.UTF8.GetBytes(query[i].ToString()));
        }
        var array = bytes.ToArray();
        // Bytes that are no UTF-8 stay as the escapes they came as.
        return Utf8Strict.TryDecode(array, out var text) ? text : query;
    }

    private static class Utf8Strict
    {
        private static readonly UTF8Encoding Encoding = new(false, true);

        public static bool TryDecode(byte[] bytes, out string text)
        {
            try
            {
                text = Encoding.GetString(bytes);
                return true;
            }
            catch (DecoderFallbackException)
            {
                text = "";
                return false;
            }
        }
    }
}
