using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SessionClient;

namespace SessionKit.Benchmarks;

/// <summary>
/// One GET over a real loopback socket (Kestrel on 127.0.0.1, in this process) carrying one cookie, body read as a
/// string: HttpSession (its own pooled SocketsHttpHandler) vs a raw HttpClient over SocketsHttpHandler with a
/// CookieContainer (issue 17). The server is a bare minimal API answering the same small JSON to both, so the
/// difference is the client's; Allocated counts every thread of the process, the server's share included (the same
/// for both rows).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 5, iterationCount: 30, launchCount: 1)]
public class LoopbackSessionBenchmarks
{
    private WebApplication _app = null!;
    private Uri _url = null!;
    private HttpSession _session = null!;
    private HttpClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/protected", (HttpContext context) => context.Request.Cookies.ContainsKey("user_id")
            ? Results.Text("{\"message\":\"Access granted\"}", "application/json")
            : Results.StatusCode(401));
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _url = new Uri(new Uri(address), "/protected");

        var cookies = new CookieContainer();
        cookies.Add(_url, new System.Net.Cookie("user_id", "0123456789abcdef0123456789abcdef"));
        _client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true });
        _session = new HttpSession();
        _session.Cookies.SetCookies(_url, "user_id=0123456789abcdef0123456789abcdef; Path=/");

        if (HttpClient_CookieContainer().GetAwaiter().GetResult() != HttpSession_Get().GetAwaiter().GetResult())
            throw new InvalidOperationException("The two clients got different answers.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _session.Dispose();
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
    }

    /// <summary>The URL as a string, parsed per request, as HttpSession's GetAsync takes it.</summary>
    [Benchmark(Baseline = true)]
    public async Task<string> HttpClient_CookieContainer()
    {
        using var response = await _client.GetAsync(_url.AbsoluteUri);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>With a Uri parsed once: no parse per request.</summary>
    [Benchmark]
    public async Task<string> HttpClient_CookieContainer_ParsedUri()
    {
        using var response = await _client.GetAsync(_url);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    [Benchmark]
    public async Task<string> HttpSession_Get()
    {
        using var response = await _session.GetAsync(_url.AbsoluteUri);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}
