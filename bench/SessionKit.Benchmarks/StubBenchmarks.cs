using BenchmarkDotNet.Attributes;
using FakeAuthServer.Guards;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace SessionKit.Benchmarks;

/// <summary>
/// What a guard in front of your own API costs (issue 20), with one live session, in-process over TestServer's handler:
/// GET /protected (the baseline), a WithRoutes route behind RequireSession, and a WireMock stub behind the session guard
/// (the guard, YARP's forwarder over a loopback socket to WireMock.Net, WireMock's matching and answer, the copy back).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 5, iterationCount: 30, launchCount: 1)]
public class StubBenchmarks
{
    private const string Orders = """{"orders":["A-1","A-2"]}""";
    private FakeAuthServerFactory _factory = null!;
    private HttpClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _factory = new FakeAuthServerFactory()
            .Configure(o => o.LogRequests = false)
            .WithRoutes(e => e.MapGet("/own/orders", () => Results.Text(Orders, "application/json")).RequireSession())
            .WithStubs(wm => wm.Given(Request.Create().WithPath("/account/orders").UsingGet())
                    .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Orders)),
                guards => guards.Session("/account"));
        _client = _factory.CreateClient();
        using var login = _client.PostAsync("/api/login", new FormUrlEncodedContent(FakeAuthServerFactory.DemoCredentials)).GetAwaiter().GetResult();
        login.EnsureSuccessStatusCode();
        foreach (var path in (string[])["/protected", "/own/orders", "/account/orders"])
        {
            using var check = _client.GetAsync(path).GetAwaiter().GetResult();
            if (!check.IsSuccessStatusCode) throw new InvalidOperationException($"{path} answered {(int)check.StatusCode} with the session.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<string> Protected() => _client.GetStringAsync("/protected");

    [Benchmark]
    public Task<string> OwnRoute_RequireSession() => _client.GetStringAsync("/own/orders");

    [Benchmark]
    public Task<string> WireMockStub_BehindSessionGuard() => _client.GetStringAsync("/account/orders");
}
