namespace FakeAuthServer.Http;

/// <summary>
/// httpbin's 405 for a wrong method carries its CORS headers like every other answer. ASP.NET answers a wrong method
/// from routing, with its own endpoint that no httpbin filter runs on, so the headers are added here when the path
/// is one of the httpbin routes (tagged "httpbin" in the route table).
/// </summary>
internal sealed class HttpbinCorsOnWrongMethod(RequestDelegate next, RoutePaths routes)
{
    // Routing's name for the endpoint it selects when a path matched but no route allows the method.
    private const string WrongMethodEndpoint = "405 HTTP Method Not Supported";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.DisplayName == WrongMethodEndpoint && routes.IsHttpbinRoute(context.Request.Path))
            HttpbinCors.AllowAnyOrigin(context.Response.Headers);
        return next(context);
    }
}
