using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>httpbin's /hidden-basic-auth/{user}/{passwd}: as /basic-auth, but 404 (no challenge) when the credentials do not match.</summary>
internal static class HiddenBasicAuthEndpoint
{
    public static IResult Handle(HttpRequest request, string user, string passwd) =>
        AuthorizationHeader.TryGetBasic(request, out var sentUser, out var sentPassword) switch
        {
            true when sentUser == user && sentPassword == passwd => HttpbinJson.Ok(new { authenticated = true, user }),
            // A Basic header that is no base64 of "user:password" is bad input: still 404, with a problem body.
            false => Problems.Of(StatusCodes.Status404NotFound, "Not found", "Authorization: Basic must carry base64 of UTF-8 \"user:password\"."),
            _ => new StatusEndpoint.StatusAnswer(StatusCodes.Status404NotFound),
        };
}
