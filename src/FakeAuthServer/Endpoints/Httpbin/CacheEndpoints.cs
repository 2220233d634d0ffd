using System.Globalization;
using System.Text.RegularExpressions;
using FakeAuthServer.Http;
using Microsoft.Net.Http.Headers;

namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>httpbin's response inspection: /cache, /cache/{n}, /etag/{etag} and /response-headers.</summary>
internal static partial class CacheEndpoints
{
    /// <summary>304 for a conditional request; otherwise /get's answer with Last-Modified (server clock) and a fresh ETag.</summary>
    public static IResult Cache(HttpContext context, TimeProvider clock)
    {
        var headers = context.Request.Headers;
        if (!string.IsNullOrEmpty(headers.IfModifiedSince) || !string.IsNullOrEmpty(headers.IfNoneMatch))
            return new StatusEndpoint.StatusAnswer(StatusCodes.Status304NotModified);
        context.Response.Headers.LastModified = HeaderUtilities.FormatDate(clock.GetUtcNow());
        context.Response.Headers.ETag = Guid.NewGuid().ToString("N");
        return MethodEchoEndpoints.Get(context);
    }

    public static IResult CacheFor(HttpContext context, string n)
    {
        if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return Problems.BadRequest($"n must be a whole number of seconds (was '{n}').");
        context.Response.Headers.CacheControl = $"public, max-age={seconds}";
        return MethodEchoEndpoints.Get(context);
    }

    /// <summary>If-None-Match naming the etag (or *): 304; If-Match naming another: 412; otherwise /get with the ETag.</summary>
    public static IResult Etag(HttpContext context, string etag)
    {
        if (!IsHeaderSafe(etag)) return Problems.BadRequest("etag must be printable ASCII (it is sent back in the ETag header).");
        var ifNoneMatch = Tags(context.Request.Headers.IfNoneMatch.ToString());
        var ifMatch = Tags(context.Request.Headers.IfMatch.ToString());
        if (ifNoneMatch.Count > 0)
        {
            if (ifNoneMatch.Contains(etag) || ifNoneMatch.Contains("*"))
            {
                context.Response.Headers.ETag = etag;
                return new StatusEndpoint.StatusAnswer(StatusCodes.Status304NotModified);
            }
        }
        else if (ifMatch.Count > 0 && !ifMatch.Contains(etag) && !ifMatch.Contains("*"))
            return new StatusEndpoint.StatusAnswer(StatusCodes.Status412PreconditionFailed);

        context.Response.Headers.ETag = etag;
        return MethodEchoEndpoints.Get(context);
    }

    /// <summary>httpbin's parse_multi_value_header: comma-separated, quotes and W/ dropped.</summary>
    private static List<string> Tags(string header) =>
        header.Length == 0 ? [] : [.. header.Split(',').Select(part => TagPattern().Match(part).Groups[2].Value)];

    [GeneratedRegex("""\s*(W/)?"?([^"]*)"?\s*""")]
    private static partial Regex TagPattern();

    /// <summary>
    /// Each query pair becomes a response header; the JSON body lists the response's headers, Content-Length
    /// included (computed until it agrees with itself, as httpbin does).
    /// </summary>
    public static IResult ResponseHeaders(HttpContext context)
    {
        var pairs = RawQuery.Pairs(context.Request);
        foreach (var (name, value) in pairs)
            if (!IsToken(name) || !IsHeaderSafe(value))
                return Problems.BadRequest($"'{name}' cannot be sent as a response header: use a token name and a printable ASCII value.");

        var claimed = 0;
        byte[] body;
        for (var round = 0; ; round++)
        {
            body = Listing(pairs, claimed);
            if (body.Length == claimed || round == 10) break;
            claimed = body.Length;
        }
        foreach (var (name, value) in pairs) context.Response.Headers.Append(name, value);
        return new HttpbinJson.Bytes(body, "application/json");
    }

    private static byte[] Listing(List<KeyValuePair<string, string>> pairs, int contentLength)
    {
        var listed = new List<KeyValuePair<string, string>>
        {
            new("Content-Type", "application/json"),
            new("Content-Length", contentLength.ToString(CultureInfo.InvariantCulture)),
        };
        listed.AddRange(pairs);
        var d = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var group in listed.GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            var values = group.Select(p => p.Value).ToArray();
            d[group.First().Key] = values.Length == 1 ? values[0] : values;
        }
        return HttpbinJson.Serialize(d);
    }

    /// <summary>An RFC 9110 token (the cookie-name rule is the same).</summary>
    private static bool IsToken(string name) => SetCookie.IsValidName(name);

    private static bool IsHeaderSafe(string value) => value.All(c => c is >= ' ' and < '\x7f');
}
