using BenchmarkDotNet.Attributes;
using FakeAuthServer.Auth.Oidc;
using FakeAuthServer.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SessionKit.Benchmarks;

/// <summary>
/// POST /oauth/token with client_credentials (demo-service, Basic client authentication) in-process over TestServer:
/// an RS256-signed RFC 9068 JWT access token against the opaque random-string token (FakeAuth:Oidc:AccessTokenFormat).
/// Both store the token; the JWT also builds and signs it. A figure, not a target (issue 19).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 5, iterationCount: 20, launchCount: 1)]
public class TokenEndpointBenchmarks
{
    private FakeAuthServerFactory _factory = null!;
    private HttpClient _client = null!;

    [Params("opaque", "jwt")]
    public string Format { get; set; } = "jwt";

    [GlobalSetup]
    public void Setup()
    {
        _factory = new FakeAuthServerFactory().ConfigureServices(s => s.PostConfigure<OidcOptions>(o => o.AccessTokenFormat = Format));
        _client = _factory.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("demo-service:demo-service-secret"u8));
        var body = Issue().GetAwaiter().GetResult();
        var isJwt = body.Split('"')[3].Split('.').Length == 3;
        if (!body.Contains("access_token") || isJwt != (Format == "jwt"))
            throw new InvalidOperationException($"Unexpected answer for {Format}: {body}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Benchmark]
    public Task<string> ClientCredentials() => Issue();

    private async Task<string> Issue()
    {
        using var response = await _client.PostAsync("/oauth/token", new FormUrlEncodedContent([new("grant_type", "client_credentials")]));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
