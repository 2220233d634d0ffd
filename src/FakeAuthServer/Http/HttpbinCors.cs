namespace FakeAuthServer.Http;

/// <summary>
/// httpbin's CORS, as a group convention of the httpbin routes: every answer carries
/// <c>Access-Control-Allow-Origin</c> and <c>Access-Control-Allow-Credentials: true</c>, and OPTIONS (mapped on each
/// httpbin route) is answered as Flask does: 200, empty, with Allow and the preflight headers.
/// One deliberate difference: the origin allowed is always <c>*</c>, never the caller's Origin echoed back, so
/// browsers refuse a page elsewhere a credentialed read (httpbin echoes it; here /cookies would hand the session
/// cookie of a tutorial login to any site).
/// </summary>
internal sealed class HttpbinCors : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var headers = http.Response.Headers;
        AllowAnyOrigin(headers);
        if (!HttpMethods.IsOptions(http.Request.Method)) return next(context);

        headers.AccessControlAllowMethods = "GET, POST, PUT, DELETE, PATCH, OPTIONS";
        headers.AccessControlMaxAge = "3600";
        if (http.Request.Headers.AccessControlRequestHeaders is { Count: > 0 } asked) headers.AccessControlAllowHeaders = asked;
        var methods = http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? [];
        headers.Allow = string.Join(", ", methods);
        return ValueTask.FromResult<object?>(new HttpbinJson.Bytes([], "text/html; charset=utf-8"));
    }

    /// <summary>The headers every httpbin answer carries, a wrong method's 405 included (<see cref="HttpbinCorsOnWrongMethod"/>).</summary>
    public static void AllowAnyOrigin(IHeaderDictionary headers)
    {
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlAllowCredentials = "true";
    }
}
