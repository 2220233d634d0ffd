using System.Security.Cryptography;
using System.Text;
using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>
/// httpbin's /digest-auth/{qop}/{user}/{passwd}[/{algorithm}[/{stale_after}]]: RFC 7616 digest with MD5, SHA-256
/// or SHA-512 (anything else means MD5), qop auth or auth-int (anything else offers both), httpbin's cookies
/// (fake, stale_after, last_nonce) and ?require-cookie=1. Like httpbin it keeps no nonce state: a response computed
/// from the credentials' own nonce is accepted, a nonce sent twice in a row (last_nonce) gets a stale challenge.
/// </summary>
internal static class DigestAuthEndpoint
{
    private const string Realm = "me@kennethreitz.com";
    private const string Html = "text/html; charset=utf-8";

    public static IResult Md5(HttpContext context, string qop, string user, string passwd) => Handle(context, qop, user, passwd, "MD5", "never");

    public static IResult WithAlgorithm(HttpContext context, string qop, string user, string passwd, string algorithm) =>
        Handle(context, qop, user, passwd, algorithm, "never");

    public static IResult WithStaleAfter(HttpContext context, string qop, string user, string passwd, string algorithm,
        [Microsoft.AspNetCore.Mvc.FromRoute(Name = "stale_after")] string staleAfter) =>
        Handle(context, qop, user, passwd, algorithm, staleAfter);

    private static IResult Handle(HttpContext context, string qop, string user, string passwd, string algorithm, string staleAfter)
    {
        var request = context.Request;
        var response = context.Response;
        if (!Cookieable(staleAfter)) return Problems.BadRequest("stale_after must be a number or 'never'.");
        if (algorithm is not ("MD5" or "SHA-256" or "SHA-512")) algorithm = "MD5";
        string? offered = qop is "auth" or "auth-int" ? qop : null;
        var requireCookie = RawQuery.First(request, "require-cookie")?.ToLowerInvariant() is "1" or "t" or "true";
        var cookies = CookieHeader.ToDictionary(CookieHeader.Parse(request));

        var header = request.Headers.Authorization.ToString();
        var credentials = Parse(header);
        if (credentials is null || (requireCookie && request.Headers.Cookie.Count == 0))
        {
            var challenge = Challenge(context, offered, algorithm, stale: false, ("stale_after", staleAfter), ("fake", "fake_value"));
            // A Digest header that cannot be read is bad input: the same challenge, with a problem body saying why.
            return credentials is null && header.StartsWith("Digest", StringComparison.OrdinalIgnoreCase)
                ? Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized",
                    "Authorization: Digest needs username, realm, nonce, uri and response as name=\"value\" pairs.")
                : challenge;
        }

        if (requireCookie && cookies.GetValueOrDefault("fake") != "fake_value")
        {
            SetCookie.AppendPlain(response, "fake", "fake_value");
            return HttpbinJson.Ok(new { errors = new[] { "missing cookie set on challenge" } }, StatusCodes.Status403Forbidden);
        }

        var nonce = credentials.GetValueOrDefault("nonce", "");
        var sentStaleAfter = cookies.GetValueOrDefault("stale_after");
        if (!Cookieable(nonce)) return Problems.BadRequest("The digest nonce must be printable ASCII without ; , or quotes.");
        if ((cookies.TryGetValue("last_nonce", out var lastNonce) && lastNonce == nonce) || sentStaleAfter == "0")
            return Challenge(context, offered, algorithm, stale: true, ("stale_after", staleAfter), ("last_nonce", nonce), ("fake", "fake_value"));

        if (!Matches(credentials, request, passwd))
            return Challenge(context, offered, algorithm, stale: false, ("stale_after", staleAfter), ("last_nonce", nonce), ("fake", "fake_value"));

        SetCookie.AppendPlain(response, "fake", "fake_value");
        if (!string.IsNullOrEmpty(sentStaleAfter))
            SetCookie.AppendPlain(response, "stale_after", int.TryParse(sentStaleAfter, out var count) ? (count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "never");
        return HttpbinJson.Ok(new { authenticated = true, user });
    }

    private static IResult Challenge(HttpContext context, string? qop, string algorithm, bool stale, params (string Name, string Value)[] cookies)
    {
        var nonce = Hash(RandomNumberGenerator.GetBytes(32), algorithm);
        var opaque = Hash(RandomNumberGenerator.GetBytes(10), algorithm);
        context.Response.Headers.WWWAuthenticate =
            $"Digest realm=\"{Realm}\", nonce=\"{nonce}\", qop=\"{qop ?? "auth, auth-int"}\", opaque=\"{opaque}\", algorithm={algorithm}, stale={(stale ? "TRUE" : "FALSE")}";
        foreach (var (name, value) in cookies) SetCookie.AppendPlain(context.Response, name, value);
        return new HttpbinJson.Bytes([], Html, StatusCodes.Status401Unauthorized);
    }

    /// <summary>httpbin's check: the response recomputed from the credentials' realm, nonce, nc, cnonce, qop and algorithm.</summary>
    private static bool Matches(Dictionary<string, string> credentials, HttpRequest request, string password)
    {
        var algorithm = credentials.GetValueOrDefault("algorithm") ?? "MD5";
        var qop = credentials.GetValueOrDefault("qop");
        var uri = (request.PathBase + request.Path).Value + (request.QueryString.HasValue ? request.QueryString.Value : "");
        var ha1 = H($"{credentials["username"]}:{credentials.GetValueOrDefault("realm", "")}:{password}", algorithm);
        string ha2;
        switch (qop)
        {
            case null or "auth":
                ha2 = H($"{request.Method}:{uri}", algorithm);
                break;
            case "auth-int":
                ha2 = H($"{request.Method}:{uri}:{Hash([], algorithm)}", algorithm); // GET: an empty body
                break;
            default:
                return false;
        }
        string expected;
        if (qop is null)
            expected = H($"{ha1}:{credentials["nonce"]}:{ha2}", algorithm);
        else if (credentials.TryGetValue("nc", out var nc) && credentials.TryGetValue("cnonce", out var cnonce))
            expected = H($"{ha1}:{credentials["nonce"]}:{nc}:{cnonce}:{qop}:{ha2}", algorithm);
        else
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(credentials["response"]));
    }

    private static string H(string text, string algorithm) => Hash(Encoding.UTF8.GetBytes(text), algorithm);

    /// <summary>httpbin's H(): SHA-256 and SHA-512 by name, MD5 for anything else.</summary>
    private static string Hash(byte[] data, string algorithm) => Convert.ToHexStringLower(algorithm switch
    {
        "SHA-256" => SHA256.HashData(data),
        "SHA-512" => SHA512.HashData(data),
        _ => MD5.HashData(data),
    });

    /// <summary>
    /// The parameters of "Digest k=v, k="v", …", or null when it is no digest header with username, realm, nonce,
    /// uri and response (Werkzeug's parse_authorization_header).
    /// </summary>
    internal static Dictionary<string, string>? Parse(string header)
    {
        if (!header.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase)) return null;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = header.AsSpan(7);
        while (true)
        {
            text = text.TrimStart(" ,\t");
            if (text.IsEmpty) break;
            var equals = text.IndexOf('=');
            if (equals <= 0) return null;
            var name = text[..equals].Trim().ToString();
            text = text[(equals + 1)..].TrimStart();
            string value;
            if (text.StartsWith("\""))
            {
                var builder = new StringBuilder();
                var i = 1;
                for (; i < text.Length && text[i] != '"'; i++)
                {
                    if (text[i] == '\\' && i + 1 < text.Length) i++;
                    builder.Append(text[i]);
                }
                if (i >= text.Length) return null;
                value = builder.ToString();
                text = text[(i + 1)..];
            }
            else
            {
                var end = text.IndexOf(',');
                value = (end < 0 ? text : text[..end]).Trim().ToString();
                text = end < 0 ? [] : text[end..];
            }
            values[name] = value;
        }
        return new[] { "username", "realm", "nonce", "uri", "response" }.All(values.ContainsKey) ? values : null;
    }

    private static bool Cookieable(string value) => SetCookie.IsValidValue(value) && !value.Contains(' ');
}
