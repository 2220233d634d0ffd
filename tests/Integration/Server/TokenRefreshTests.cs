using System.Net;

namespace SessionKit.Tests.Integration.Server;

public class TokenRefreshTests : TokenTestBase
{
    [Test]
    public async Task Refreshing_returns_a_new_access_token_and_a_rotated_refresh_token()
    {
        var login = await TokenLoginAsync();
        var oldRefresh = login.GetProperty("refresh_token").GetString()!;

        var response = await RefreshAsync(oldRefresh);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
        var refreshed = await JsonOf(response);
        var access = refreshed.GetProperty("access_token").GetString();
        access.ShouldNotBe(login.GetProperty("access_token").GetString());
        refreshed.GetProperty("refresh_token").GetString().ShouldNotBe(oldRefresh);
        (await JsonOf(await MeAsync(access))).GetProperty("username").GetString().ShouldBe("some_name");
    }

    [Test]
    public async Task A_form_body_works_too()
    {
        var refresh = (await TokenLoginAsync()).GetProperty("refresh_token").GetString()!;

        var response = await Client.PostAsync("/api/auth/refresh",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["refresh_token"] = refresh }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Reusing_a_rotated_refresh_token_fails_and_revokes_every_token_of_that_login()
    {
        var login = await TokenLoginAsync();
        var original = login.GetProperty("refresh_token").GetString()!;
        var rotated = await JsonOf(await RefreshAsync(original));
        var other = await TokenLoginAsync();

        var reuse = await RefreshAsync(original);

        reuse.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await MeAsync(rotated.GetProperty("access_token").GetString())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await RefreshAsync(rotated.GetProperty("refresh_token").GetString()!)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // Another login's tokens are untouched.
        (await MeAsync(other.GetProperty("access_token").GetString())).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_refresh_token_expires_after_its_lifetime()
    {
        var refresh = (await TokenLoginAsync()).GetProperty("refresh_token").GetString()!;

        Server.Clock.Advance(TimeSpan.FromHours(24));

        (await RefreshAsync(refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task An_unknown_refresh_token_gets_401()
    {
        (await RefreshAsync("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task An_access_token_cannot_be_used_as_a_refresh_token()
    {
        var access = (await TokenLoginAsync()).GetProperty("access_token").GetString()!;

        (await RefreshAsync(access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
