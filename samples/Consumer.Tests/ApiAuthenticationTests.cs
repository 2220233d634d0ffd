using System.Net;
using System.Net.Http.Headers;
using FakeAuthServer.Auth.Oidc;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Consumer.Tests;

/// <summary>
/// README "Test your own API's authentication": an API protected by Microsoft's JwtBearer handler, whose authority is
/// the fake in-process. In a real suite the API is your own Program under WebApplicationFactory; the JwtBearer lines
/// are the same, set in ConfigureTestServices.
/// </summary>
public class ApiAuthenticationTests
{
    private FakeAuthServerFactory _fake = null!;
    private WebApplication _api = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _fake = new FakeAuthServerFactory();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthentication().AddJwtBearer(o =>
        {
            o.Authority = _fake.Tokens.Issuer;                        // http://localhost
            o.Audience = "orders-api";
            o.RequireHttpsMetadata = false;
            o.MapInboundClaims = false;                               // "role" and "sub" stay as the token names them
            o.BackchannelHttpHandler = _fake.Server.CreateHandler();  // discovery and JWKS in-process
            o.TokenValidationParameters.LifetimeValidator = (_, expires, _, _) => expires > _fake.Clock.GetUtcNow().UtcDateTime;
        });
        builder.Services.AddAuthorization(o => o.AddPolicy("admins", p => p.RequireClaim("role", "admin")));
        _api = builder.Build();
        _api.UseAuthentication();
        _api.UseAuthorization();
        _api.MapGet("/orders", () => Results.Ok(new[] { "order-1" })).RequireAuthorization();
        _api.MapGet("/admin", () => Results.Ok()).RequireAuthorization("admins");
        await _api.StartAsync();
        _client = _api.GetTestClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private async Task<HttpStatusCode> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        return (await _client.SendAsync(request)).StatusCode;
    }

    [Test]
    public async Task A_token_from_the_fake_opens_the_api() =>
        Assert.That(await GetAsync("/orders", _fake.Tokens.CreateAccessToken("alice", ["orders.read"], audience: "orders-api")), Is.EqualTo(HttpStatusCode.OK));

    [Test]
    public async Task A_role_claim_passes_the_admin_policy() =>
        Assert.That(await GetAsync("/admin", _fake.Tokens.CreateAccessToken("alice", claims: new Dictionary<string, object> { ["role"] = "admin" },
            audience: "orders-api")), Is.EqualTo(HttpStatusCode.OK));

    [TestCase(TokenFlaw.Expired)]
    [TestCase(TokenFlaw.WrongAudience)]
    [TestCase(TokenFlaw.WrongIssuer)]
    [TestCase(TokenFlaw.UnknownKey)]
    [TestCase(TokenFlaw.Tampered)]
    public async Task A_flawed_token_is_refused(TokenFlaw flaw) =>
        Assert.That(await GetAsync("/orders", _fake.Tokens.CreateAccessToken("alice", audience: "orders-api", flaw: flaw)), Is.EqualTo(HttpStatusCode.Unauthorized));
}
