using Microsoft.AspNetCore.Http.Features;

namespace FakeAuthServer.Http;

/// <summary>
/// A request body that cannot be read is the client's fault, whatever its content type and whoever reads it: the
/// body stream turns read failures into 400 BadHttpRequestExceptions, which BadRequestExceptionHandler answers.
/// Kestrel itself throws a plain IOException for some broken framing (a chunk size that overflows), and a plain
/// IOException elsewhere would be a bug of ours, so the body is the one place that can tell them apart.
/// </summary>
internal sealed class UnreadableBodyMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: false })
            context.Request.Body = new UnreadableBodyStream(context.Request.Body);
        return next(context);
    }
}
