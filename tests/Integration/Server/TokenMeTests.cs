using System.Net;

namespace SessionKit.Tests.Integration.Server;

public class TokenMeTests : TokenTestBase
{
    [Test]
    public async Task The_access_token_says_who_you_are_at_api_me()
    {
        var login = await TokenLoginAsync("alice", "wonderland");

        var response = await MeAsync(login.GetProperty("access_token").GetString());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await JsonOf(response);
        me.GetProperty("username").GetString().ShouldBe("alice");
        me.GetProperty("expires_at").GetDateTimeOffset().ShouldBe(Server.Clock.GetUtcNow() + TimeSpan.FromMinutes(15));
    }

    [Test]
    public async Task No_token_gets_a_bare_Bearer_challenge_without_an_error_code()
    {
        var response = await MeAsync(null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var challenge = response.Headers.WwwAuthenticate.ShouldHaveSingleItem();
        challenge.Scheme.ShouldBe("Bearer");
        challenge.Parameter.ShouldNotBeNull().ShouldNotContain("error");
    }

    [TestCase("not-a-token")]
    [TestCase("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")]
    public async Task A_wrong_token_gets_401_invalid_token(string token)
    {
        var response = await MeAsync(token);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ShouldHaveSingleItem().Parameter.ShouldNotBeNull().ShouldContain("error=\"invalid_token\"");
    }

    [Test]
    public async Task A_refresh_token_is_no_access_token()
    {
        var login = await TokenLoginAsync();

        var response = await MeAsync(login.GetProperty("refresh_token").GetString());

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task The_access_token_expires_after_its_lifetime_on_the_server_clock()
    {
        var access = (await TokenLoginAsync()).GetProperty("access_token").GetString();

        Server.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        (await MeAsync(access)).StatusCode.ShouldBe(HttpStatusCode.OK);

        Server.Clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await MeAsync(access);
        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        expired.Headers.WwwAuthenticate.ShouldHaveSingleItem().Parameter.ShouldNotBeNull().ShouldContain("error=\"invalid_token\"");
    }
}
