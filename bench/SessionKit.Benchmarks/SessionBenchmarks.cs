using BenchmarkDotNet.Attributes;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using SessionClient;

namespace SessionKit.Benchmarks;

/// <summary>
/// One GET /cookies (carrying one cookie, body read as a string) against FakeAuthServer in-process over TestServer's
/// handler: HttpSession vs HttpClient from <c>factory.CreateClient()</c> (WebApplicationFactory's CookieContainerHandler
/// and RedirectHandler over the same TestServer handler). Both measure client + in-process server; no sockets.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 5, iterationCount: 30, launchCount: 1)]
public class SessionBenchmarks
{
    private FakeAuthServerFactory _factory = null!;
    private HttpSession _session = null!;
    private HttpClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _factory = new FakeAuthServerFactory();
        _factory.Configure(o => o.LogRequests = false);
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = true });
        _session = new HttpSession(_factory.Server.CreateHandler()) { BaseAddress = _factory.Server.BaseAddress };

        // Same state on both sides: one cookie set by the server through /cookies/set (302 -> /cookies).
        var viaClient = _client.GetStringAsync("/cookies/set?bench=1").GetAwaiter().GetResult();
        using var viaSession = _session.GetAsync("/cookies/set?bench=1").GetAwaiter().GetResult();
        var sessionBody = viaSession.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!viaClient.Contains("bench") || !sessionBody.Contains("bench"))
            throw new InvalidOperationException($"Cookie not carried: HttpClient '{viaClient}', HttpSession '{sessionBody}'.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _session.Dispose();
        _client.Dispose();
        _factory.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<string> HttpClient_CookieContainer() => _client.GetStringAsync("/cookies");

    [Benchmark]
    public async Task<string> HttpSession_Get()
    {
        using var response = await _session.GetAsync("/cookies");
        return await response.Content.ReadAsStringAsync();
    }
}
