using Microsoft.Extensions.Logging;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FakeAuthServer.Testing;
using SessionClient;

namespace SessionKit.Tests.Integration.Client;

public class LoginHelperTests : FreshServerTestBase
{
    [Test]
    public async Task Form_login_finds_the_csrf_token_and_reaches_the_dashboard()
    {
        await using var session = NewSession();

        var landed = await new FormLogin("/login", "some_name", "pass").LoginAsync(session);

        landed.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/dashboard");
        (await landed.Content.ReadAsStringAsync()).ShouldContain("Welcome, some_name");
        (await session.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Form_login_posts_the_forms_hidden_inputs_as_a_browser_would_so_next_is_followed()
    {
        await using var session = NewSession();

        var landed = await new FormLogin("/login?next=%2Fcookies", "some_name", "pass").LoginAsync(session);

        landed.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/cookies");
    }

    [Test]
    public async Task Form_login_with_a_wrong_password_fails_clearly_without_the_password_in_the_message()
    {
        await using var session = NewSession();

        var error = await Should.ThrowAsync<LoginFailedException>(() => new FormLogin("/login", "some_name", "hunter2").LoginAsync(session));

        error.Status.ShouldBe(401);
        error.Message.ShouldContain("some_name");
        error.Message.ShouldNotContain("hunter2");
    }

    [Test]
    public async Task Token_login_authenticates_and_refreshes_before_the_access_token_expires()
    {
        await using var session = NewSession();
        var login = new TokenLogin("/api/auth/login", "some_name", "pass") { RefreshUrl = "/api/auth/refresh" };
        session.Auth = login;

        var me = await session.GetFromJsonAsync("/api/me");
        var first = login.AccessToken;
        Server.Clock.Advance(TimeSpan.FromMinutes(14.75)); // inside the 30 s before the 15 min expiry
        var again = await session.GetFromJsonAsync("/api/me");

        me.GetProperty("username").GetString().ShouldBe("some_name");
        again.GetProperty("username").GetString().ShouldBe("some_name");
        login.AccessToken.ShouldNotBe(first);
    }

    [Test]
    public async Task A_long_expired_access_token_is_refreshed_and_an_expired_refresh_token_falls_back_to_a_fresh_login()
    {
        await using var session = NewSession();
        var log = new TestLogger(LogLevel.Debug);
        session.Logger = log;
        session.Auth = new TokenLogin("/api/auth/login", "some_name", "pass") { RefreshUrl = "/api/auth/refresh" };

        (await session.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        Server.Clock.Advance(TimeSpan.FromHours(2));   // access token long gone, refresh token (24 h) still good
        (await session.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        Server.Clock.Advance(TimeSpan.FromHours(25));  // both gone: the refresh is refused, so it logs in again
        (await session.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        log.Texts.Count(l => l.StartsWith("POST http://localhost/api/auth/login ", StringComparison.Ordinal)).ShouldBe(2);
        log.Texts.Count(l => l.StartsWith("POST http://localhost/api/auth/refresh -> 200", StringComparison.Ordinal)).ShouldBe(1);
        log.Texts.Count(l => l.StartsWith("POST http://localhost/api/auth/refresh -> 401", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Test]
    public async Task Form_login_at_a_page_without_a_login_form_fails_clearly()
    {
        await using var session = NewSession();

        var error = await Should.ThrowAsync<LoginFailedException>(() => new FormLogin("/status/200", "some_name", "pass").LoginAsync(session));

        error.Message.ShouldContain("did not succeed");
    }

    [Test]
    public async Task Token_login_with_a_wrong_password_fails_on_the_first_request()
    {
        await using var session = NewSession();
        session.Auth = new TokenLogin("/api/auth/login", "some_name", "wrong");

        (await Should.ThrowAsync<LoginFailedException>(() => session.GetAsync("/api/me"))).Status.ShouldBe(401);
    }

    [Test]
    public async Task Twenty_concurrent_requests_share_one_token_login()
    {
        await using var session = NewSession();
        var login = new TokenLogin("/api/auth/login", "some_name", "pass");
        session.Auth = login;
        var log = new TestLogger(LogLevel.Debug);
        session.Logger = log;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => session.GetAsync("/api/me")));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        log.Texts.Count(l => l.StartsWith("POST http://localhost/api/auth/login", StringComparison.Ordinal)).ShouldBe(1);
    }
}

internal static class SessionJsonExtensions
{
    public static async Task<JsonElement> GetFromJsonAsync(this HttpSession session, string url)
    {
        var response = await session.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
