using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints;

/// <summary>
/// GET /api/cookies (seed 002): every received cookie comes back as a Set-Cookie, so a client's
/// response.cookies shows what it sent, and as JSON. Cookies that cannot be written into a header unchanged
/// (non-token names, bytes outside cookie-octet) are only in the JSON.
/// </summary>
internal static class CookieEchoEndpoint
{
    /// <summary>
    /// One Set-Cookie per cookie: past this, the answer outgrows what clients accept (Python's http.client refuses
    /// more than 100 headers) and a small request buys a large response (3,000 cookies: 26 KB in, 121 KB out).
    /// </summary>
    public const int MaxEchoedCookies = 50;

    public static IResult Handle(HttpContext context)
    {
        var cookies = CookieHeader.ToDictionary(CookieHeader.Parse(context.Request));
        if (cookies.Count > MaxEchoedCookies)
            return Problems.BadRequest(
                $"The request carries {cookies.Count} cookies; /api/cookies echoes at most {MaxEchoedCookies}. Send fewer.");
        foreach (var (name, value) in cookies)
            if (SetCookie.CanEcho(name, value)) SetCookie.AppendPlain(context.Response, name, value);
        return Results.Json(new { cookies });
    }
}
