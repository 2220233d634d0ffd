using System.Net;
using System.Net.Http.Json;

namespace SessionKit.Tests.Integration.Server;

public class TokenLoginTests : TokenTestBase
{
    [Test]
    public async Task A_token_login_without_a_scope_answers_without_a_scope_property()
    {
        var tokens = await TokenLoginAsync();

        tokens.TryGetProperty("scope", out _).ShouldBeFalse();
    }

    [Test]
    public async Task A_JSON_login_returns_a_bearer_access_token_and_a_refresh_token_that_are_not_cached()
    {
        var response = await Client.PostAsJsonAsync("/api/auth/login", new { username = "some_name", password = "pass" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
        var json = await JsonOf(response);
        json.GetProperty("token_type").GetString().ShouldBe("Bearer");
        json.GetProperty("expires_in").GetInt32().ShouldBe(900);
        var access = json.GetProperty("access_token").GetString().ShouldNotBeNull();
        var refresh = json.GetProperty("refresh_token").GetString().ShouldNotBeNull();
        access.Length.ShouldBeGreaterThanOrEqualTo(43);
        access.ShouldNotBe(refresh);
    }

    [Test]
    public async Task Two_logins_get_different_tokens()
    {
        var first = await TokenLoginAsync();
        var second = await TokenLoginAsync();

        first.GetProperty("access_token").GetString().ShouldNotBe(second.GetProperty("access_token").GetString());
    }

    [Test]
    public async Task A_form_login_works_too()
    {
        var response = await Client.PostAsync("/api/auth/login", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["username"] = "alice", ["password"] = "wonderland" }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [TestCase("some_name", "wrong")]
    [TestCase("nobody", "pass")]
    [TestCase("some_name", "")]
    public async Task Wrong_credentials_get_a_401_problem_and_no_token(string username, string password)
    {
        var response = await Client.PostAsJsonAsync("/api/auth/login", new { username, password });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType.ShouldNotBeNull().MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("access_token");
    }
}
