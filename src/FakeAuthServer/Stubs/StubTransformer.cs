using System.Net;
using FakeAuthServer.Guards;
using Yarp.ReverseProxy.Forwarder;

namespace FakeAuthServer.Stubs;

/// <summary>
/// YARP's default request and response copying, plus: the caller's headers (<see cref="CallerHeaders"/>) in place of
/// any the client sent, and WireMock's "no mapping matched" 404 turned back into the fake's own 404 (its body is left
/// out, and the status-code pages write the problem details every unknown route gets).
/// </summary>
internal sealed class StubTransformer : HttpTransformer
{
    public static readonly StubTransformer Instance = new();

    // WireMock.Net's body for a request no mapping matches (WireMockMiddleware, 1.x).
    private const string NoMappingBody = "No matching mapping found";
    private const long NoMappingBodyLimit = 256;

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest,
        string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        CallerHeaders.Replace(proxyRequest, httpContext.GetAuthenticatedCaller());
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse,
        CancellationToken cancellationToken)
    {
        if (proxyResponse is { StatusCode: HttpStatusCode.NotFound } && await IsNoMappingAsync(proxyResponse, cancellationToken))
        {
            httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            return false; // no headers, no body: UseStatusCodePages answers
        }
        return await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
    }

    private static async Task<bool> IsNoMappingAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is not (> 0 and <= NoMappingBodyLimit)) return false;
        // Buffered, so YARP can still copy a stub's own 404 body afterwards.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return (await response.Content.ReadAsStringAsync(cancellationToken)).Contains(NoMappingBody, StringComparison.Ordinal);
    }
}
