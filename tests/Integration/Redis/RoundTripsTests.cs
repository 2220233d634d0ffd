using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SessionKit.Tests.Integration.Redis;

/// <summary>
/// In Redis mode the hot routes cost one command each, counted by the redis-server itself (MONITOR): the shared clock
/// offset is checked inside the stores' own scripts instead of by a GET before the request (issue 17).
/// </summary>
[NonParallelizable]
public class RoundTripsTests
{
    private RedisServer _redis = null!;
    private SharedStateInstance _server = null!;
    private RedisCommandMonitor _monitor = null!;

    [OneTimeSetUp]
    public async Task StartRedisAndOneInstance()
    {
        _redis = await RedisServer.StartAsync();
        _server = await SharedStateInstance.StartAsync(_redis, $"test-{Guid.NewGuid():N}:");
        _monitor = await RedisCommandMonitor.StartAsync(_redis);
        // Every script once, so the counts below see the steady state (a first EVAL carries the script's text).
        var cookie = await _server.LoginAsync();
        (await _server.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.OK);
        (await MeAsync(await AccessTokenAsync())).ShouldBe(HttpStatusCode.OK);
        using var wrong = await _server.PostFormAsync("/api/login", [new("username", "bob"), new("password", "nope")]);
    }

    [OneTimeTearDown]
    public async Task StopAll()
    {
        await _monitor.DisposeAsync();
        await _server.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Test]
    public async Task Ten_protected_requests_with_a_live_session_cost_ten_commands()
    {
        var cookie = await _server.LoginAsync();

        var commands = await _monitor.CountAsync(async () =>
        {
            for (var i = 0; i < 10; i++) (await _server.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.OK);
        });

        commands.Count.ShouldBe(10, string.Join(" ", commands));
    }

    [Test]
    public async Task A_protected_request_with_an_unknown_session_costs_one_command()
    {
        var commands = await _monitor.CountAsync(async () =>
            (await _server.StatusOfAsync("/protected", "user_id=" + new string('a', 32))).ShouldBe(HttpStatusCode.Unauthorized));

        commands.Count.ShouldBe(1, string.Join(" ", commands));
    }

    [Test]
    public async Task An_api_me_request_costs_one_command()
    {
        var access = await AccessTokenAsync();

        var commands = await _monitor.CountAsync(async () => (await MeAsync(access)).ShouldBe(HttpStatusCode.OK));

        commands.Count.ShouldBe(1, string.Join(" ", commands));
    }

    [Test]
    public async Task A_wrong_password_on_api_login_costs_one_command()
    {
        var commands = await _monitor.CountAsync(async () =>
        {
            using var wrong = await _server.PostFormAsync("/api/login", [new("username", "bob"), new("password", "nope")]);
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        });

        commands.Count.ShouldBe(1, string.Join(" ", commands));
    }

    [Test]
    public async Task A_successful_api_login_costs_one_command_the_lockout_check_and_the_new_session_together()
    {
        var commands = await _monitor.CountAsync(async () => await _server.LoginAsync());

        commands.Count.ShouldBe(1, string.Join(" ", commands));
    }

    [Test]
    public async Task A_login_that_carries_two_sessions_ends_both_in_the_same_command()
    {
        var (first, second) = (await _server.LoginAsync(), await _server.LoginAsync());
        string third = null!;

        var commands = await _monitor.CountAsync(async () =>
        {
            using var again = await _server.PostFormAsync("/api/login", [new("username", "alice"), new("password", "wonderland")],
                $"{first}; {second}");
            again.StatusCode.ShouldBe(HttpStatusCode.OK);
            third = SharedStateInstance.SessionCookieOf(again);
        });

        commands.Count.ShouldBe(1, string.Join(" ", commands));
        (await _server.StatusOfAsync("/protected", first)).ShouldBe(HttpStatusCode.Unauthorized);
        (await _server.StatusOfAsync("/protected", second)).ShouldBe(HttpStatusCode.Unauthorized);
        (await _server.StatusOfAsync("/protected", third)).ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_successful_form_login_costs_one_command()
    {
        using var page = await _server.Http.GetAsync("/login");
        var csrfCookie = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("login_csrf=", StringComparison.Ordinal));
        var token = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"csrf_token\" value=\"([^\"]+)\"").Groups[1].Value;
        string session = null!;

        var commands = await _monitor.CountAsync(async () =>
        {
            using var login = await _server.PostFormAsync("/login",
                [new("username", "alice"), new("password", "wonderland"), new("csrf_token", token)], csrfCookie);
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            session = SharedStateInstance.SessionCookieOf(login);
        });

        commands.Count.ShouldBe(1, string.Join(" ", commands));
        (await _server.StatusOfAsync("/dashboard", session)).ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_successful_token_login_costs_one_command_the_lockout_check_and_both_tokens_together()
    {
        JsonElement tokens = default;

        var commands = await _monitor.CountAsync(async () =>
        {
            using var login = await _server.Http.PostAsJsonAsync("/api/auth/login", new { username = "alice", password = "wonderland" });
            login.StatusCode.ShouldBe(HttpStatusCode.OK);
            tokens = await login.Content.ReadFromJsonAsync<JsonElement>();
        });

        commands.Count.ShouldBe(1, string.Join(" ", commands));
        (await MeAsync(tokens.GetProperty("access_token").GetString()!)).ShouldBe(HttpStatusCode.OK);
        using var refresh = await _server.Http.PostAsJsonAsync("/api/auth/refresh",
            new { refresh_token = tokens.GetProperty("refresh_token").GetString() });
        refresh.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_wrong_password_on_token_login_costs_one_command()
    {
        var commands = await _monitor.CountAsync(async () =>
        {
            using var wrong = await _server.Http.PostAsJsonAsync("/api/auth/login", new { username = "bob", password = "nope" });
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        });

        commands.Count.ShouldBe(1, string.Join(" ", commands));
    }

    private async Task<string> AccessTokenAsync()
    {
        using var login = await _server.Http.PostAsJsonAsync("/api/auth/login", new { username = "alice", password = "wonderland" });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private async Task<HttpStatusCode> MeAsync(string access)
    {
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { { "Authorization", $"Bearer {access}" } } };
        using var response = await _server.Http.SendAsync(me);
        return response.StatusCode;
    }
}
