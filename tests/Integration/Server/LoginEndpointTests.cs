using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace SessionKit.Tests.Integration.Server;

public partial class LoginEndpointTests : ServerTestBase
{
    [GeneratedRegex("^user_id=[0-9a-f]{32}; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600$")]
    private static partial Regex SessionCookieShape();

    [Test]
    public async Task Valid_form_login_answers_the_tutorial_body_and_sets_a_session_cookie()
    {
        var response = await LoginAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"message":"Login successful"}""");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Headers.GetValues("Set-Cookie").Single().ShouldMatch(SessionCookieShape().ToString());
    }

    [Test]
    public async Task Invalid_login_answers_401_with_the_tutorial_body_and_no_cookie()
    {
        var response = await LoginAsync("name", "pass");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"message":"Invalid credentials"}""");
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Test]
    public async Task Json_login_is_accepted()
    {
        var response = await Client.PostAsJsonAsync("/api/login", new { username = "some_name", password = "pass" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"message":"Login successful"}""");
    }

    [Test]
    public async Task Multipart_login_is_accepted()
    {
        using var form = new MultipartFormDataContent { { new StringContent("some_name"), "username" }, { new StringContent("pass"), "password" } };

        var response = await Client.PostAsync("/api/login", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Each_login_gets_a_new_random_session_id()
    {
        var first = SessionIdFrom(await LoginAsync());
        var second = SessionIdFrom(await LoginAsync());

        first.ShouldNotBe(second);
    }

    [Test]
    public async Task A_wrong_password_for_a_real_user_is_refused()
    {
        (await LoginAsync("some_name", "Pass")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public class ConfiguredUsersTests : ServerTestBase
{
    protected override FakeAuthServer.Testing.FakeAuthServerFactory CreateServer() =>
        new FakeAuthServer.Testing.FakeAuthServerFactory().WithUser("bob", "builder").WithSessionLifetime(TimeSpan.FromMinutes(5));

    [Test]
    public async Task A_user_added_in_configuration_can_log_in_and_the_cookie_carries_the_configured_lifetime()
    {
        var response = await LoginAsync("bob", "builder");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Set-Cookie").Single().ShouldEndWith("Max-Age=300");
    }

    [Test]
    public async Task The_default_users_stay_when_configuration_adds_one()
    {
        (await LoginAsync()).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
