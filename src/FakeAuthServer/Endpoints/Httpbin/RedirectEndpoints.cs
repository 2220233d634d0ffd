using System.Globalization;
using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>
/// httpbin's redirect routes: /redirect/{n} (relative hops through /relative-redirect, or absolute ones through
/// /absolute-redirect with ?absolute=true), /relative-redirect/{n}, /absolute-redirect/{n}, all ending at /get, and
/// /redirect-to?url=&amp;status_code=.
/// </summary>
internal static class RedirectEndpoints
{
    private const int MaxHops = 100;

    public static IResult Chain(HttpRequest request, string n)
    {
        if (Hops(n) is not { } hops) return BadHops(n);
        var absolute = string.Equals(RawQuery.First(request, "absolute"), "true", StringComparison.OrdinalIgnoreCase);
        if (hops == 1) return HttpbinRedirect.WithPage(absolute ? HttpbinRedirect.External(request, "/get") : "/get");
        return absolute
            ? HttpbinRedirect.WithPage(HttpbinRedirect.External(request, $"/absolute-redirect/{hops - 1}"))
            : HttpbinRedirect.WithPage($"/relative-redirect/{hops - 1}");
    }

    public static IResult Relative(string n) =>
        Hops(n) is { } hops ? HttpbinRedirect.Empty(hops == 1 ? "/get" : $"/relative-redirect/{hops - 1}") : BadHops(n);

    public static IResult Absolute(HttpRequest request, string n) =>
        Hops(n) is { } hops
            ? HttpbinRedirect.WithPage(HttpbinRedirect.External(request, hops == 1 ? "/get" : $"/absolute-redirect/{hops - 1}"))
            : BadHops(n);

    /// <summary>
    /// The target goes out as given (httpbin lets the client judge it, e.g. <c>http://:1</c>), non-ASCII
    /// percent-encoded; only a control character, which no encoding makes a URL to follow, is refused.
    /// Parameter names are case-insensitive here, as in httpbin; a status_code outside 300–399 means 302.
    /// </summary>
    public static IResult To(HttpContext context)
    {
        var args = RawQuery.FirstValues(context.Request);
        string? Arg(string name) => args.FirstOrDefault(a => string.Equals(a.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        if (Arg("url") is not { Length: > 0 } url)
            return Problems.BadRequest("Give the redirect target as ?url=… (absolute or relative).");
        if (LocationHeader.HasControl(url))
            return Problems.BadRequest("url has a control character (C0, DEL or C1, e.g. CR or LF); send a URL without one.");

        var status = StatusCodes.Status302Found;
        if (Arg("status_code") is { } statusText)
        {
            if (!int.TryParse(statusText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var asked))
                return Problems.BadRequest($"status_code must be a whole number, such as 307 (was '{statusText}').");
            if (asked is >= 300 and < 400) status = asked;
        }
        return HttpbinRedirect.Empty(url, status);
    }

    private static int? Hops(string n) =>
        int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var hops) && hops is >= 1 and <= MaxHops ? hops : null;

    private static IResult BadHops(string n) => Problems.BadRequest($"n must be a whole number from 1 to {MaxHops} (was '{n}').");
}
