using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints;

/// <summary>
/// GET /api/cookies (seed 002): every received cookie comes back as a Set-Cookie, so a client's
/// response.cookies shows what it sent, and as JSON. Cookies that cannot be written into a header unchanged
/// (non-token names, bytes outside cookie-octet) are only in the JSON.
/// </summary>
internal static class CookieEchoEndpoint
{
    public static IResult Handle(HttpContext context)
    {
        var cookies = CookieHeader.ToDictionary(CookieHeader.Parse(context.Request));
        foreach (var (name, value) in cookies)
            if (SetCookie.CanEcho(name, value)) SetCookie.AppendPlain(context.Response, name, value);
        return Results.Json(new { cookies });
    }
}
