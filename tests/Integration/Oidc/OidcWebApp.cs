using System.Net;
using System.Security.Claims;
using FakeAuthServer.Auth.Tokens.OAuth;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SessionKit.Tests.Integration.Oidc;

/// <summary>
/// A web app as its authors would write it, signing users in with Microsoft's OpenIdConnect handler (code + PKCE)
/// against the fake, both on real sockets so a browser can walk between them. The app listens on 127.0.0.2 and the
/// fake on 127.0.0.1: two sites, as an app and its identity provider are, so neither sees the other's cookies.
/// </summary>
internal sealed class OidcWebApp : IAsyncDisposable
{
    public const string ClientId = "web-app";

    private readonly WebApplication _app;

    private OidcWebApp(WebApplication app, FakeAuthServerFactory fake, Uri address, Uri fakeAddress) =>
        (_app, Fake, Address, FakeAddress) = (app, fake, address, fakeAddress);

    public FakeAuthServerFactory Fake { get; }
    public Uri Address { get; }
    public Uri FakeAddress { get; }

    /// <summary>
    /// Starts the app, registers it with the fake as a client, then starts the fake on a loopback port. With
    /// <paramref name="formPost"/>, the handler's default response_mode=form_post: the fake's page posts the code to
    /// the app, so the app's Lax correlation cookie must be same-site with the fake — both then listen on 127.0.0.1.
    /// </summary>
    public static async Task<OidcWebApp> StartAsync(FakeAuthServerFactory fake, bool formPost = false)
    {
        Uri? authority = null; // known once the fake listens; the handler reads it at its first challenge
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Parse(formPost ? "127.0.0.1" : "127.0.0.2"), 0));
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("OIDC_APP_LOG") is not null) builder.Logging.AddConsole();
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie()
            .AddOpenIdConnect(o =>
            {
                o.ClientId = ClientId;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.ResponseMode = formPost ? OpenIdConnectResponseMode.FormPost : OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.Scope.Add("profile");
                o.SaveTokens = true;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.MapInboundClaims = false;
                o.RequireHttpsMetadata = false;
                // Plain http between two loopback sites: the correlation and nonce cookies cannot be Secure here,
                // and a top-level redirect back (response_mode=query) carries Lax cookies.
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                // The id_token's times are the fake's clock's, which a test may move.
                o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, _) =>
                    expires is { } end && fake.Clock.GetUtcNow().UtcDateTime < end;
                o.TokenValidationParameters.NameClaimType = "sub";
            });
        builder.Services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure(o => o.Authority = authority!.ToString().TrimEnd('/'));
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", (ClaimsPrincipal user) => Results.Ok(new
        {
            sub = user.FindFirst("sub")?.Value,
            role = user.FindFirst("role")?.Value,
            email = user.FindFirst("email")?.Value,
        })).RequireAuthorization();
        app.MapGet("/signout", () => Results.SignOut(new AuthenticationProperties { RedirectUri = "/bye" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        app.MapGet("/bye", () => Results.Text("Signed out of the app."));
        await app.StartAsync();
        var address = new Uri(AddressOf(app.Services));

        fake.WithClient(ClientId, new OAuthClient
        {
            RedirectUris = [new Uri(address, "/signin-oidc").ToString()],
            PostLogoutRedirectUris = [new Uri(address, "/signout-callback-oidc").ToString()],
            Scopes = ["profile"],
        });
        fake.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        fake.StartServer();
        authority = new Uri(AddressOf(fake.Services));
        return new OidcWebApp(app, fake, address, authority);
    }

    private static string AddressOf(IServiceProvider services) =>
        services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
