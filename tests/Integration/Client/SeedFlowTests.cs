using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SessionClient;

namespace SessionKit.Tests.Integration.Client;

/// <summary>The seed tutorials' flows, written with HttpSession against the in-process FakeAuthServer.</summary>
public class SeedFlowTests : InProcessSessionTestBase
{
    [Test]
    public async Task A_login_persists_in_the_session_and_opens_the_protected_route()
    {
        await using var session = NewSession();

        var login = await session.PostFormAsync("/api/login", Demo);
        var protectedRoute = await session.GetAsync("/protected");

        (await login.Content.ReadAsStringAsync()).ShouldBe("""{"message":"Login successful"}""");
        session.Cookies.ToDictionary().Keys.ShouldContain("user_id");
        session.Cookies.ToDictionary()["user_id"].ShouldMatch("^[0-9a-f]{32}$");
        protectedRoute.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task One_off_requests_forget_the_login()
    {
        await using (var first = NewSession()) await first.PostFormAsync("/api/login", Demo);
        await using var second = NewSession();

        (await second.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task An_invalid_login_sets_no_cookie()
    {
        await using var session = NewSession();

        var login = await session.PostFormAsync("/api/login", new Dictionary<string, string> { ["username"] = "name", ["password"] = "pass" });

        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        login.SetCookies().ToDictionary().ShouldBeEmpty();
        session.Cookies.ToDictionary().ShouldBeEmpty();
    }

    [Test]
    public async Task Per_request_cookies_are_sent_and_seen_in_the_response_cookies_like_the_tutorial()
    {
        await using var session = NewSession();

        var response = await session.GetAsync("/api/cookies", new RequestOptions { Cookies = { ["user_id"] = "2" } });

        response.SetCookies().ToDictionary().ShouldBe(new Dictionary<string, string> { ["user_id"] = "2" });
    }

    [Test]
    public async Task Per_request_cookies_and_headers_do_not_persist_in_the_session()
    {
        await using var session = NewSession();

        await session.GetAsync("/cookies", new RequestOptions { Cookies = { ["once"] = "1" }, Headers = { ["X-Once"] = "1" } });
        var after = await (await session.GetAsync("/get")).Content.ReadFromJsonAsync<JsonElement>();
        var cookies = await (await session.GetAsync("/cookies")).Content.ReadFromJsonAsync<JsonElement>();

        after.GetProperty("headers").TryGetProperty("X-Once", out _).ShouldBeFalse();
        cookies.GetProperty("cookies").EnumerateObject().ShouldBeEmpty();
        session.Cookies.ToDictionary().ShouldBeEmpty();
    }

    [Test]
    public async Task Cookies_set_through_a_redirect_are_kept_and_sent_on_the_next_hop()
    {
        await using var session = NewSession();

        var response = await session.GetAsync("/cookies/set/sessioncookie/123456789");

        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        json.GetProperty("cookies").GetProperty("sessioncookie").GetString().ShouldBe("123456789");
        response.History().Select(h => h.StatusCode).ShouldBe([HttpStatusCode.Found]);
        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/cookies");
    }

    [Test]
    public async Task Default_headers_params_and_auth_apply_to_every_request()
    {
        await using var session = NewSession();
        session.Headers["X-My-Custom-Header"] = "HelloSession";
        session.Params.Add(new("session_param", "persistent"));
        session.Auth = new BasicAuth("user", "passwd");

        var get = await (await session.GetAsync("/get")).Content.ReadFromJsonAsync<JsonElement>();
        var basic = await session.GetAsync("/basic-auth/user/passwd");

        get.GetProperty("headers").GetProperty("X-My-Custom-Header").GetString().ShouldBe("HelloSession");
        get.GetProperty("args").GetProperty("session_param").GetString().ShouldBe("persistent");
        basic.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_per_request_header_wins_over_the_session_default()
    {
        await using var session = NewSession();
        session.Headers["X-Test"] = "session";

        var json = await (await session.GetAsync("/headers", new RequestOptions { Headers = { ["X-Test"] = "request" } }))
            .Content.ReadFromJsonAsync<JsonElement>();

        json.GetProperty("headers").GetProperty("X-Test").GetString().ShouldBe("request");
    }

    [Test]
    public async Task Bearer_auth_is_sent()
    {
        await using var session = NewSession();
        session.Auth = new BearerToken("abc");

        (await session.GetAsync("/bearer")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_json_login_works_through_the_session()
    {
        await using var session = NewSession();

        (await session.PostJsonAsync("/api/login", new { username = "some_name", password = "pass" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await session.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
