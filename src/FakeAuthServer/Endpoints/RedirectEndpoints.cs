using System.Globalization;
using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints;

/// <summary>httpbin's /redirect/{n} (a chain of n 302s ending at /get) and /redirect-to?url=&amp;status_code=.</summary>
internal static class RedirectEndpoints
{
    private const int MaxHops = 100;

    public static IResult Chain(string n)
    {
        if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var hops) || hops is < 1 or > MaxHops)
            return Problems.BadRequest($"n must be a whole number from 1 to {MaxHops} (was '{n}').");
        return Results.Redirect(hops == 1 ? "/get" : $"/redirect/{hops - 1}");
    }

    public static IResult To(HttpContext context)
    {
        var query = context.Request.Query;
        var url = query["url"].ToString();
        if (url.Length == 0 || !Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out _))
            return Problems.BadRequest("Give the redirect target as ?url=… (absolute or relative).");
        if (LocationHeader.HasControl(url))
            return Problems.BadRequest("url has a control character (C0, DEL or C1, e.g. CR or LF); send a URL without one.");

        var status = 302;
        if (query.TryGetValue("status_code", out var statusText) &&
            (!int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out status) || status is < 300 or > 399))
            return Problems.BadRequest($"status_code must be from 300 to 399 (was '{statusText}').");

        context.Response.Headers.Location = LocationHeader.EncodeNonAscii(url);
        return Results.StatusCode(status);
    }
}
