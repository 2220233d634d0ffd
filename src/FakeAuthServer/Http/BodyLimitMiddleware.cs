using FakeAuthServer.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Http;

/// <summary>
/// Enforces FakeAuth:MaxRequestBodyBytes (LargeBody.Bytes on the routes marked LargeBody). A declared length over the limit is refused up front (also in-process,
/// where TestServer has no limit); Kestrel enforces it on chunked bodies while they are read.
/// </summary>
internal sealed class BodyLimitMiddleware(RequestDelegate next, IOptions<FakeAuthOptions> options)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public Task InvokeAsync(HttpContext context)
    {
        // The httpbin echo routes carry LargeBody: uploads there may be as large as a client's test suite sends.
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<LargeBody>() is null ? _limit : Math.Max(_limit, LargeBody.Bytes);
        if (context.Request.ContentLength > limit)
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Payload too large",
                $"The request body is {context.Request.ContentLength} bytes; the limit is {limit}.").ExecuteAsync(context);

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
        return next(context);
    }
}
