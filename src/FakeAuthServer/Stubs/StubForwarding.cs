using System.Diagnostics;
using System.Net;
using Yarp.ReverseProxy.Forwarder;

namespace FakeAuthServer.Stubs;

/// <summary>
/// The fallback route while stubs run: whatever no fake route answers passes its path prefix's guard
/// (<see cref="StubGuardTable"/>), then goes to WireMock through YARP's forwarder. WireMock's admin API
/// (<c>/__admin</c>) is never forwarded: it would let any client rewrite the stubs.
/// </summary>
internal sealed class StubForwarding(StubServer stubs, IHttpForwarder forwarder, StubGuardTable guards) : IDisposable
{
    private const string WireMockAdmin = "/__admin";

    private readonly string _destination = stubs.Address.ToString();

    // WireMock listens on plain http: HTTP/1.1, without the HTTP/2 attempt YARP makes by default.
    private static readonly ForwarderRequestConfig RequestConfig = new()
    {
        Version = HttpVersion.Version11,
        VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
    };

    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.CreateNoOutputPropagator()),
        ConnectTimeout = TimeSpan.FromSeconds(15),
    });

    public async Task Handle(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(WireMockAdmin, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (await guards.For(context.Request.Path).CheckAsync(context) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }
        // A failure leaves 502 (or 504) on an unstarted response; the status-code pages give it a problem body.
        await forwarder.SendAsync(context, _destination, _client, RequestConfig, StubTransformer.Instance);
    }

    public void Dispose() => _client.Dispose();
}
