using System.Net;
using FakeAuthServer.Auth.Tokens.OAuth;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using SessionClient;
using SessionKit.Tests.Integration.Server;

namespace SessionKit.Tests.Integration.Oidc;

/// <summary>
/// The authorization endpoint as a browser meets it: no credentials means the form login page, a live session
/// answers at once, and OpenID Connect's prompt and max_age decide when a session is not enough.
/// </summary>
public class AuthorizeLoginPageTests : TokenTestBase
{
    // A client whose redirect_uri is the fake's own /get, so a session that follows every redirect lands on an echo
    // of the code and state instead of on a host that does not exist.
    private const string EchoApp = "echo-app";
    private const string EchoCallback = "http://localhost/get";

    private const string AliceTotpSecret = "JBSWY3DPEHPK3PXP";

    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory()
        .Configure(o => o.TwoFactor["alice"] = AliceTotpSecret)
        .ConfigureServices(s => s.PostConfigure<OAuthOptions>(o => o.Clients[EchoApp] = new OAuthClient
        {
            RedirectUris = [EchoCallback], PostLogoutRedirectUris = ["http://localhost/signed-out"], Scopes = ["read"],
        }));

    private static string EchoAuthorizeUrl(Dictionary<string, string?>? overrides = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = EchoApp, ["redirect_uri"] = EchoCallback, ["scope"] = "openid read", ["nonce"] = "n-1",
        };
        foreach (var (k, v) in overrides ?? []) query[k] = v;
        return "http://localhost" + AuthorizeQuery(query);
    }

    private HttpSession NewSession() => new(Server.Server.CreateHandler(), disposeHandler: true, timeProvider: Server.Clock);

    private async Task<string> SessionCookieAsync()
    {
        var login = await LoginAsync();
        return $"user_id={SessionIdFrom(login)}";
    }

    private static string NextOf(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location.ShouldNotBeNull().OriginalString;
        location.ShouldStartWith("/login?next=");
        return QueryHelpers.ParseQuery(location[location.IndexOf('?')..])["next"].ToString();
    }

    [Test]
    public async Task The_login_page_returns_to_the_same_authorization_request()
    {
        var next = NextOf(await Client.GetAsync(AuthorizeQuery(new() { ["nonce"] = "abc" })));

        next.ShouldStartWith("/oauth/authorize?");
        var query = QueryHelpers.ParseQuery(next[next.IndexOf('?')..]);
        query["client_id"].ToString().ShouldBe(DemoApp);
        query["state"].ToString().ShouldBe("xyz 1/2");
        query["nonce"].ToString().ShouldBe("abc");
        query["code_challenge"].ToString().ShouldBe(Challenge);
    }

    [Test]
    public async Task A_form_login_through_the_page_completes_the_code_flow()
    {
        await using var session = NewSession();

        var landed = await new FormLogin(EchoAuthorizeUrl(), "some_name", "pass").LoginAsync(session);

        landed.RequestMessage!.RequestUri!.GetLeftPart(UriPartial.Path).ShouldBe(EchoCallback);
        var args = (await JsonOf(landed)).GetProperty("args");
        args.GetProperty("state").GetString().ShouldBe("xyz 1/2");
        args.GetProperty("code").GetString().ShouldNotBeNullOrEmpty();
    }

    [Test]
    public async Task A_live_session_is_answered_with_a_code_without_asking_again()
    {
        var cookie = await SessionCookieAsync();

        var query = RedirectQuery(await GetWithCookieAsync(AuthorizeQuery(), cookie));

        query["state"].ShouldBe("xyz 1/2");
        (await ExchangeAsync(query["code"])).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_id_token_auth_time_is_when_the_session_logged_in_not_when_the_code_was_issued()
    {
        var cookie = await SessionCookieAsync();
        var loggedIn = Server.Clock.GetUtcNow();
        Server.Clock.Advance(TimeSpan.FromMinutes(5));

        var code = RedirectQuery(await GetWithCookieAsync(AuthorizeQuery(new() { ["scope"] = "openid read" }), cookie))["code"];
        var idToken = (await JsonOf(await ExchangeAsync(code))).GetProperty("id_token").GetString()!;

        new JsonWebToken(idToken).GetPayloadValue<long>("auth_time").ShouldBe(loggedIn.ToUnixTimeSeconds());
    }

    [Test]
    public async Task Prompt_login_sends_even_a_logged_in_user_to_the_login_page_and_drops_the_prompt_from_next()
    {
        var cookie = await SessionCookieAsync();

        var next = NextOf(await GetWithCookieAsync(AuthorizeQuery(new() { ["prompt"] = "login" }), cookie));

        QueryHelpers.ParseQuery(next[next.IndexOf('?')..]).ContainsKey("prompt").ShouldBeFalse();
    }

    [Test]
    public async Task Prompt_login_ends_with_a_code_whose_auth_time_is_the_new_login()
    {
        await using var session = NewSession();
        await new FormLogin("http://localhost/login", "some_name", "pass").LoginAsync(session);
        Server.Clock.Advance(TimeSpan.FromMinutes(10));

        var landed = await new FormLogin(EchoAuthorizeUrl(new() { ["prompt"] = "login" }), "some_name", "pass").LoginAsync(session);

        var code = QueryHelpers.ParseQuery(landed.RequestMessage!.RequestUri!.Query)["code"].ToString();
        var tokens = await JsonOf(await ExchangeAsync(code, redirectUri: EchoCallback, clientId: EchoApp));
        new JsonWebToken(tokens.GetProperty("id_token").GetString()!).GetPayloadValue<long>("auth_time")
            .ShouldBe(Server.Clock.GetUtcNow().ToUnixTimeSeconds());
    }

    [Test]
    public async Task Prompt_none_without_a_session_is_login_required_at_the_client()
    {
        var query = RedirectQuery(await Client.GetAsync(AuthorizeQuery(new() { ["prompt"] = "none" })));

        query["error"].ShouldBe("login_required");
        query["state"].ShouldBe("xyz 1/2");
    }

    [Test]
    public async Task Prompt_none_with_a_live_session_answers_with_a_code()
    {
        var cookie = await SessionCookieAsync();

        RedirectQuery(await GetWithCookieAsync(AuthorizeQuery(new() { ["prompt"] = "none" }), cookie)).ShouldContainKey("code");
    }

    [TestCase("none login")]
    [TestCase("sometimes")]
    public async Task A_prompt_that_cannot_be_honoured_is_invalid_request(string prompt)
    {
        RedirectQuery(await AuthorizeAsync(new() { ["prompt"] = prompt }))["error"].ShouldBe("invalid_request");
    }

    [Test]
    public async Task A_session_older_than_max_age_must_log_in_again()
    {
        var cookie = await SessionCookieAsync();
        Server.Clock.Advance(TimeSpan.FromSeconds(61));

        NextOf(await GetWithCookieAsync(AuthorizeQuery(new() { ["max_age"] = "60" }), cookie)).ShouldContain("max_age=60");
    }

    [Test]
    public async Task A_session_within_max_age_answers_with_a_code()
    {
        var cookie = await SessionCookieAsync();
        Server.Clock.Advance(TimeSpan.FromSeconds(59));

        RedirectQuery(await GetWithCookieAsync(AuthorizeQuery(new() { ["max_age"] = "60" }), cookie)).ShouldContainKey("code");
    }

    [TestCase("-1")]
    [TestCase("soon")]
    public async Task A_max_age_that_is_not_whole_seconds_is_invalid_request(string maxAge)
    {
        RedirectQuery(await AuthorizeAsync(new() { ["max_age"] = maxAge }))["error"].ShouldBe("invalid_request");
    }

    [Test]
    public async Task An_expired_session_is_not_enough()
    {
        var cookie = await SessionCookieAsync();
        Server.Clock.Advance(TimeSpan.FromHours(2));

        NextOf(await GetWithCookieAsync(AuthorizeQuery(), cookie)).ShouldStartWith("/oauth/authorize?");
    }

    [Test]
    public async Task A_request_too_long_to_return_to_is_refused_at_the_client_not_truncated()
    {
        var query = RedirectQuery(await Client.GetAsync(AuthorizeQuery(new() { ["nonce"] = new string('n', 5000) })));

        query["error"].ShouldBe("invalid_request");
        query["error_description"].ShouldContain("4096");
    }

    [Test]
    public async Task A_user_with_a_second_factor_completes_the_code_flow_through_the_2fa_page_too()
    {
        await using var session = NewSession();
        Server.Clock.Advance(TimeSpan.FromMinutes(1)); // clear of any TOTP step an earlier test used
        var login = new FormLogin(EchoAuthorizeUrl(), "alice", "wonderland")
        {
            TwoFactorCode = _ => ValueTask.FromResult(Totp.Code(AliceTotpSecret, Server.Clock.GetUtcNow())),
        };

        var landed = await login.LoginAsync(session);

        landed.RequestMessage!.RequestUri!.GetLeftPart(UriPartial.Path).ShouldBe(EchoCallback);
        var code = (await JsonOf(landed)).GetProperty("args").GetProperty("code").GetString()!;
        var tokens = await JsonOf(await ExchangeAsync(code, redirectUri: EchoCallback, clientId: EchoApp));
        new JsonWebToken(tokens.GetProperty("id_token").GetString()!).Subject.ShouldBe("alice");
    }
}
