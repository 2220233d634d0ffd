using System.Net;
using FakeAuthServer.Testing;
using SessionClient;

namespace SessionKit.Tests.Integration.Client;

public class OAuthCodeLoginTests : FreshServerTestBase
{
    private static OAuthCodeLogin DemoApp(string password = "pass") =>
        new("/oauth/authorize", "/oauth/token", "demo-app", "http://127.0.0.1/callback", "some_name", password) { Scope = "profile" };

    [Test]
    public void The_s256_challenge_matches_rfc_7636_appendix_b() =>
        Pkce.S256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").ShouldBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");

    [Test]
    public async Task The_code_flow_with_pkce_yields_a_token_the_api_accepts_and_refreshes_it()
    {
        await using var session = NewSession();
        var login = DemoApp();
        session.Auth = login;

        (await session.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var first = login.AccessToken;
        Server.Clock.Advance(TimeSpan.FromMinutes(14.75));
        (await session.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        login.AccessToken.ShouldNotBe(first);
    }

    [Test]
    public async Task A_wrong_password_is_refused_at_the_authorize_step()
    {
        await using var session = NewSession();
        session.Auth = DemoApp(password: "wrong");

        (await Should.ThrowAsync<LoginFailedException>(() => session.GetAsync("/api/me"))).Message.ShouldContain("access_denied");
    }
}
