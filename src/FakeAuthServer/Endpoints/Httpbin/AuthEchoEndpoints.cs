using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>httpbin's /basic-auth/{user}/{passwd} and /bearer: check the Authorization header and say who you are.</summary>
internal static class AuthEchoEndpoints
{
    /// <summary>
    /// No or wrong credentials: httpbin's bare 401 (the challenge, no body). A Basic header that is no base64 of
    /// "user:password" is bad input, so it gets the same 401 and challenge with a problem body saying what to fix.
    /// </summary>
    public static IResult BasicAuth(HttpContext context, string user, string passwd)
    {
        switch (AuthorizationHeader.TryGetBasic(context.Request, out var sentUser, out var sentPassword))
        {
            case true when sentUser == user && sentPassword == passwd:
                return HttpbinJson.Ok(new { authenticated = true, user });
            case false:
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"Fake Realm\"";
                return Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized",
                    "Authorization: Basic must carry base64 of UTF-8 \"user:password\".");
            default:
                return new StatusEndpoint.StatusAnswer(StatusCodes.Status401Unauthorized);
        }
    }

    /// <summary>
    /// No Authorization header: httpbin's 401 (WWW-Authenticate: Bearer, an empty text/html body). One that is no
    /// Bearer token is bad input: 401 with a problem body (httpbin strips the letters of "Bearer " from the front of
    /// whatever was sent and answers 200).
    /// </summary>
    public static IResult Bearer(HttpContext context)
    {
        if (AuthorizationHeader.TryGetParameter(context.Request, "Bearer", out var token))
            return HttpbinJson.Ok(new { authenticated = true, token });

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return context.Request.Headers.Authorization.Count == 0
            ? new HttpbinJson.Bytes([], "text/html; charset=utf-8", StatusCodes.Status401Unauthorized)
            : Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized", "Send Authorization: Bearer <token>.");
    }
}
