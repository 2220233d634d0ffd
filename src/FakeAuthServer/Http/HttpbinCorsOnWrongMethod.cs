using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace FakeAuthServer.Http;

/// <summary>
/// httpbin's 405 for a wrong method carries its CORS headers like every other answer. ASP.NET answers a wrong method
/// from routing, with its own endpoint that no httpbin filter runs on, so the headers are added here when the path
/// is one of the httpbin routes (tagged "httpbin" in the route table).
/// </summary>
internal sealed class HttpbinCorsOnWrongMethod(RequestDelegate next, EndpointDataSource endpoints)
{
    // Routing's name for the endpoint it selects when a path matched but no route allows the method.
    private const string WrongMethodEndpoint = "405 HTTP Method Not Supported";

    private TemplateMatcher[]? _httpbinRoutes;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.DisplayName == WrongMethodEndpoint && IsHttpbinRoute(context.Request.Path))
            HttpbinCors.AllowAnyOrigin(context.Response.Headers);
        return next(context);
    }

    private bool IsHttpbinRoute(PathString path)
    {
        // Built on the first wrong method, not at start-up: most runs never send one.
        _httpbinRoutes ??= [.. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ITagsMetadata>()?.Tags.Contains("httpbin") == true)
            .Select(e => new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()))];
        return _httpbinRoutes.Any(m => m.TryMatch(path, new RouteValueDictionary()));
    }
}
