using FakeAuthServer.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace FakeAuthServer.Endpoints;

/// <summary>httpbin's /headers and /get: the request as the server saw it.</summary>
internal static class RequestEchoEndpoints
{
    public static IResult Headers(HttpRequest request) => HttpbinJson.Ok(new { headers = HeadersOf(request) });

    public static IResult Get(HttpContext context) => HttpbinJson.Ok(new
    {
        args = ArgsOf(context.Request),
        headers = HeadersOf(context.Request),
        // In-process (TestServer) there is no socket, hence no remote address.
        origin = context.Connection.RemoteIpAddress?.ToString() ?? "in-process",
        url = context.Request.GetDisplayUrl(),
    });

    private static SortedDictionary<string, string> HeadersOf(HttpRequest request)
    {
        var headers = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers) headers[name] = values.ToString();
        return headers;
    }

    /// <summary>httpbin shows a repeated parameter as a list and a single one as a string.</summary>
    private static SortedDictionary<string, object> ArgsOf(HttpRequest request)
    {
        var args = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
            args[name] = values.Count == 1 ? values[0]! : values.ToArray();
        return args;
    }
}
