using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints;

/// <summary>httpbin's /basic-auth/{user}/{passwd} and /bearer: check the Authorization header and say who you are.</summary>
internal static class AuthEchoEndpoints
{
    private const string BasicChallenge = "Basic realm=\"Fake Realm\"";

    public static IResult BasicAuth(HttpContext context, string user, string passwd)
    {
        if (AuthorizationHeader.TryGetBasic(context.Request, out var sentUser, out var sentPassword) == true && sentUser == user && sentPassword == passwd)
            return HttpbinJson.Ok(new { authenticated = true, user });

        context.Response.Headers.WWWAuthenticate = BasicChallenge;
        return Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized",
            $"Send Authorization: Basic with the user and password named in the path.");
    }

    public static IResult Bearer(HttpContext context)
    {
        if (AuthorizationHeader.TryGetParameter(context.Request, "Bearer", out var token))
            return HttpbinJson.Ok(new { authenticated = true, token });

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized", "Send Authorization: Bearer <token>.");
    }
}
