using System.Security.Claims;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace SessionKit.Tests.Integration.Oidc;

/// <summary>
/// A user's API as they would write it, protected by Microsoft's JwtBearer handler whose authority is the in-process
/// fake: discovery and JWKS come over the fake's handler, lifetimes are judged on the fake's clock.
/// </summary>
internal sealed class ProtectedApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProtectedApi(WebApplication app) => _app = app;

    public HttpClient Client { get; private set; } = null!;

    public static async Task<ProtectedApi> StartAsync(FakeAuthServerFactory fake, string audience)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = fake.Tokens.Issuer;
            options.Audience = audience;
            options.RequireHttpsMetadata = false;
            options.BackchannelHttpHandler = fake.Server.CreateHandler();
            options.MapInboundClaims = false;
            // The app judges expiry on the fake's clock, as a test that advances it expects.
            options.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } end && fake.Clock.GetUtcNow().UtcDateTime < end && (notBefore is not { } start || start <= fake.Clock.GetUtcNow().UtcDateTime);
        });
        builder.Services.AddAuthorization(o => o.AddPolicy("admins", p => p.RequireClaim("role", "admin")));
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/orders", (ClaimsPrincipal user) => Results.Ok(new { owner = user.FindFirst("sub")?.Value })).RequireAuthorization();
        app.MapGet("/admin", () => Results.Ok("admin area")).RequireAuthorization("admins");
        await app.StartAsync();
        return new ProtectedApi(app) { Client = app.GetTestClient() };
    }

    public Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
