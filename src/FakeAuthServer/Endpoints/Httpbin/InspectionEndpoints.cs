using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>httpbin's request inspection: /headers, /ip and /user-agent.</summary>
internal static class InspectionEndpoints
{
    public static IResult Headers(HttpRequest request) => HttpbinJson.Ok(new { headers = RequestDict.Headers(request) });

    public static IResult Ip(HttpContext context) => HttpbinJson.Ok(new { origin = RequestDict.Origin(context) });

    /// <summary>httpbin answers 500 when no User-Agent was sent; here that is a null.</summary>
    public static IResult UserAgent(HttpRequest request) =>
        HttpbinJson.Ok(new Dictionary<string, string?> { ["user-agent"] = request.Headers.UserAgent is { Count: > 0 } ua ? ua.ToString() : null });
}
