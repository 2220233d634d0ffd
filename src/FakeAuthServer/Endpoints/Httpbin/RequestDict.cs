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

    // Werkzeug 2.2's request.url, which httpbin echoes: the raw query goes through url_quote (which leaves unreserved
    // characters and these alone) and then uri_to_iri (which decodes the escapes of non-ASCII UTF-8, of unreserved
    // characters and of these sub-delimiters only, so %26, %3D, %2F and the like stay escaped).
    private const string QuoteSafe = ":&%=+$!*'(),";
    private const string IriDecoded = "!$'()*+,;";

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static string QueryAsIri(string query)
    {
        var bytes = new List<byte>(query.Length);
        void Escaped(byte b) => bytes.AddRange(Encoding.ASCII.GetBytes($"%{b:X2}"));
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (c == '%' && i + 2 < query.Length &&
                byte.TryParse(query.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var b))
            {
                if (b >= 0x80 || IsUnreserved((char)b) || IriDecoded.Contains((char)b, StringComparison.Ordinal)) bytes.Add(b);
                else bytes.AddRange(Encoding.ASCII.GetBytes(query.Substring(i, 3)));
                i += 2;
            }
            else if (c >= 0x80)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(char.IsHighSurrogate(c) && i + 1 < query.Length ? query.Substring(i++, 2) : c.ToString()));
            }
            else if (IsUnreserved(c) || QuoteSafe.Contains(c, StringComparison.Ordinal) || IriDecoded.Contains(c, StringComparison.Ordinal))
            {
                bytes.Add((byte)c);
            }
            else
            {
                Escaped((byte)c);
            }
        }
        return Utf8OrEscapes(bytes.ToArray());
    }

    /// <summary>The bytes as UTF-8 text, where a byte that starts no valid sequence stays an escape (uppercase, as Werkzeug's).</summary>
    private static string Utf8OrEscapes(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                text.Append(rune.ToString());
                bytes = bytes[consumed..];
            }
            else
            {
                text.Append('%').Append(bytes[0].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                bytes = bytes[1..];
            }
        }
        return text.ToString();
    }
}
