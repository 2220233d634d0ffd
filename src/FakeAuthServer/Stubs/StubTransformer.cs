using System.Net;
using System.Text;
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
    private const int NoMappingBodyLimit = 256;

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
        var content = response.Content;
        if (content.Headers.ContentType?.MediaType != "application/json" || content.Headers.ContentLength > NoMappingBodyLimit) return false;

        // WireMock streams its answer without a length: read at most a little more than its no-match body, and give a
        // stub's own 404 back whole, those bytes first.
        var stream = await content.ReadAsStreamAsync(cancellationToken);
        var start = new byte[NoMappingBodyLimit + 1];
        var read = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken);
        if (read <= NoMappingBodyLimit && Encoding.UTF8.GetString(start, 0, read).Contains(NoMappingBody, StringComparison.Ordinal))
            return true;

        var replayed = new StreamContent(new ReplayedPrefixStream(start.AsMemory(0, read), stream));
        foreach (var header in content.Headers) replayed.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = replayed;
        return false;
    }
}
