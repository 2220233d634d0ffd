using FakeAuthServer.Endpoints.Httpbin;
using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints;

/// <summary>httpbin's /headers, /ip and /user-agent: the request as the server saw it.</summary>
internal static class RequestEchoEndpoints
{
    public static IResult Headers(HttpRequest request) => HttpbinJson.Ok(new { headers = RequestDict.Headers(request) });
}
