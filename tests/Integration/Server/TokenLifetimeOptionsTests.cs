using System.Net;
using FakeAuthServer.Auth.Tokens;
using FakeAuthServer.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SessionKit.Tests.Integration.Server;

public class TokenLifetimeOptionsTests : TokenTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory().ConfigureServices(s =>
        s.PostConfigure<TokenOptions>(o =>
        {
            o.AccessTokenLifetime = TimeSpan.FromMinutes(2);
            o.RefreshTokenLifetime = TimeSpan.FromMinutes(10);
        }));

    [Test]
    public async Task Configured_lifetimes_set_expires_in_and_expiry()
    {
        var login = await TokenLoginAsync();
        login.GetProperty("expires_in").GetInt32().ShouldBe(120);
        var refresh = login.GetProperty("refresh_token").GetString()!;

        Server.Clock.Advance(TimeSpan.FromMinutes(2));
        (await MeAsync(login.GetProperty("access_token").GetString())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Server.Clock.Advance(TimeSpan.FromMinutes(8));
        (await RefreshAsync(refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
