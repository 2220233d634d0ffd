using FakeAuthServer.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Http;

/// <summary>
/// Enforces FakeAuth:MaxRequestBodyBytes. A declared length over the limit is refused up front (also in-process,
/// where TestServer has no limit); Kestrel enforces it on chunked bodies while they are read.
/// </summary>
internal sealed class BodyLimitMiddleware(RequestDelegate next, IOptions<FakeAuthOptions> options)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _limit)
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Payload too large",
                $"The request body is {context.Request.ContentLength} bytes; the limit is {_limit}.").ExecuteAsync(context);

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = _limit;
        return next(context);
    }
}
