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
public class RoundTripsTests : OneInstanceTests
{
    private RedisCommandMonitor _monitor = null!;

    [OneTimeSetUp]
    public async Task StartMonitor()
    {
        _monitor = await RedisCommandMonitor.StartAsync(Redis);
        // Every script once, so the counts below see the steady state (a first EVAL carries the script's text).
        var cookie = await Server.LoginAsync();
        (await Server.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.OK);
        (await Server.StatusOfAsync("/api/me", bearer: await AccessTokenAsync())).ShouldBe(HttpStatusCode.OK);
        using var wrong = await Server.PostFormAsync("/api/login", [new("username", "bob"), new("password", "nope")]);
    }

    [OneTimeTearDown]
    public async Task StopMonitor() => await _monitor.DisposeAsync();

    [Test]
    public async Task Ten_protected_requests_with_a_live_session_cost_ten_commands()
    {
        var cookie = await Server.LoginAsync();

        var commands = await _monitor.CountAsync(async () =>
        {
            for (var i = 0; i < 10; i++) (await Server.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.OK);
        });

        commands.Count.ShouldBe(10, string.Join(" ", commands));
    }

    [Test]
    public async Task A_protected_request_with_an_unknown_session_costs_one_command()
    {
        var commands = await _monitor.CountAsync(async () =>
            (await Server.StatusOfAsync("/protected", "user_id=" + new string('a', 32))).ShouldBe(HttpStatusCode.Unauthorized));

        commands.Count.ShouldBe(1, string.Join(" ", commands));
    }

    [Test]
    public async Task An_api_me_request_costs_one_command()
    {
        var access = await AccessTokenAsync();

        var commands = await _monitor.CountAsync(async () => (await Server.StatusOfAsync("/api/me", bearer: access)).ShouldBe(HttpStatusCode.OK));

        commands.Count.ShouldBe(1, string.Join(" ", commands));
    }

    [Test]
    public async Task A_wrong_password_on_api_login_costs_one_command()
    {
        var commands = await _monitor.CountAsync(async () =>
        {
            using var wrong = await Server.PostFormAsync("/api/login", [new("username", "bob"), new("password", "nope")]);
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        });

        commands.Count.ShouldBe(1, string.Join(" ", commands));
    }

    [Test]
    public async Task A_successful_api_login_costs_one_command_the_lockout_check_and_the_new_session_together()
    {
        var commands = await _monitor.CountAsync(async () => await Server.LoginAsync());

        commands.Count.ShouldBe(1, string.Join(" ", commands));
    }

    [Test]
    public async Task A_login_that_carries_two_sessions_ends_both_in_the_same_command()
    {
        var (first, second) = (await Server.LoginAsync(), await Server.LoginAsync());
        string third = null!;

        var commands = await _monitor.CountAsync(async () =>
        {
            using var again = await Server.PostFormAsync("/api/login", [new("username", "alice"), new("password", "wonderland")],
                $"{first}; {second}");
            again.StatusCode.ShouldBe(HttpStatusCode.OK);
            third = SharedStateInstance.SessionCookieOf(again);
        });

        commands.Count.ShouldBe(1, string.Join(" ", commands));
        (await Server.StatusOfAsync("/protected", first)).ShouldBe(HttpStatusCode.Unauthorized);
        (await Server.StatusOfAsync("/protected", second)).ShouldBe(HttpStatusCode.Unauthorized);
        (await Server.StatusOfAsync("/protected", third)).ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_successful_form_login_costs_one_command()
    {
        using var page = await Server.Http.GetAsync("/login");
        var csrfCookie = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("login_csrf=", StringComparison.Ordinal));
        var token = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"csrf_token\" value=\"([^\"]+)\"").Groups[1].Value;
        string session = null!;

        var commands = await _monitor.CountAsync(async () =>
        {
            using var login = await Server.PostFormAsync("/login",
                [new("username", "alice"), new("password", "wonderland"), new("csrf_token", token)], csrfCookie);
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            session = SharedStateInstance.SessionCookieOf(login);
        });

        commands.Count.ShouldBe(1, string.Join(" ", commands));
        (await Server.StatusOfAsync("/dashboard", session)).ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_successful_token_login_costs_one_command_the_lockout_check_and_both_tokens_together()
    {
        JsonElement tokens = default;

        var commands = await _monitor.CountAsync(async () =>
        {
            using var login = await Server.TokenLoginAsync("alice", "wonderland");
            login.StatusCode.ShouldBe(HttpStatusCode.OK);
            tokens = await login.Content.ReadFromJsonAsync<JsonElement>();
        });

        commands.Count.ShouldBe(1, string.Join(" ", commands));
        (await Server.StatusOfAsync("/api/me", bearer: tokens.GetProperty("access_token").GetString())).ShouldBe(HttpStatusCode.OK);
        using var refresh = await Server.Http.PostAsJsonAsync("/api/auth/refresh",
            new { refresh_token = tokens.GetProperty("refresh_token").GetString() });
        refresh.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_wrong_password_on_token_login_costs_one_command()
    {
        var commands = await _monitor.CountAsync(async () =>
        {
            using var wrong = await Server.TokenLoginAsync("bob", "nope");
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        });

        commands.Count.ShouldBe(1, string.Join(" ", commands));
    }

    private async Task<string> AccessTokenAsync()
    {
        using var login = await Server.TokenLoginAsync("alice", "wonderland");
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await SharedStateInstance.AccessTokenOf(login);
    }
}
