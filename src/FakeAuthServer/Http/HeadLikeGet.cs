using Microsoft.AspNetCore.Http.Features;

namespace FakeAuthServer.Http;

/// <summary>
/// A group convention for routes mapped with GET and HEAD (as httpbin answers HEAD wherever it answers GET): a HEAD
/// request runs the GET handler, so the headers (Content-Length included) are the same, and the body is thrown
/// away. Kestrel drops a HEAD body on its own; in-process (TestServer) nothing would, hence this filter.
/// </summary>
internal sealed class HeadLikeGet : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsHead(http.Request.Method) && http.Features.Get<IHttpResponseBodyFeature>() is { } original)
            http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, original));
        return next(context);
    }
}
