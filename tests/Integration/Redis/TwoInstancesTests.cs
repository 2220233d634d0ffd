using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SessionKit.Tests.Integration.Redis;

/// <summary>
/// Two FakeAuthServer processes (A and B) on one real redis-server behave as one server: sessions, logouts, clock
/// advances, fail_first counters, lockouts, CSRF forms and tokens cross from one to the other, and a restart of A
/// loses nothing. Each test starts from POST /_admin/reset (the shared state is cleared through A).
/// </summary>
[NonParallelizable]
public partial class TwoInstancesTests
{
    private RedisServer _redis = null!;
    private SharedStateInstance _a = null!;
    private SharedStateInstance _b = null!;
    private readonly string _prefix = $"test-{Guid.NewGuid():N}:";

    [OneTimeSetUp]
    public async Task StartRedisAndTwoInstances()
    {
        _redis = await RedisServer.StartAsync();
        _a = await SharedStateInstance.StartAsync(_redis, _prefix);
        _b = await SharedStateInstance.StartAsync(_redis, _prefix);
    }

    [OneTimeTearDown]
    public async Task StopAll()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [SetUp]
    public async Task ResetSharedState()
    {
        using var reset = await _a.Http.PostAsync("/_admin/reset", null);
        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Test]
    public async Task A_login_on_A_is_valid_on_B()
    {
        var cookie = await _a.LoginAsync();

        (await _b.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_logout_on_B_ends_the_session_on_A()
    {
        var cookie = await _a.LoginAsync();
        (await _a.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.OK);

        using var logout = await _b.PostFormAsync("/logout", [], cookie);
        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await _a.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_clock_advance_through_A_expires_the_session_on_B()
    {
        var cookie = await _a.LoginAsync();
        (await _b.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.OK);

        using var advance = await _a.Http.PostAsync("/_admin/clock/advance?seconds=3601", null); // lifetime is 1 h
        advance.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _b.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Fail_first_2_is_counted_across_both_instances()
    {
        var client = Guid.NewGuid().ToString("N");
        var statuses = new List<HttpStatusCode>();
        foreach (var instance in new[] { _a, _b, _a, _b })
            statuses.Add(await instance.StatusOfAsync("/flaky?fail_first=2", clientId: client));

        statuses.ShouldBe([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK, HttpStatusCode.OK]);
    }

    [Test]
    public async Task Wrong_passwords_on_both_instances_add_up_to_a_lockout()
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var instance in new[] { _a, _b, _a, _b, _a }) // the default lockout: 5 failures within the window
        {
            using var wrong = await instance.PostFormAsync("/api/login", [new("username", "alice"), new("password", "nope")]);
            statuses.Add(wrong.StatusCode);
        }
        statuses.ShouldAllBe(s => s == HttpStatusCode.Unauthorized);

        using var right = await _b.PostFormAsync("/api/login", [new("username", "alice"), new("password", "wonderland")]);
        right.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        right.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Test]
    public async Task A_login_form_served_by_A_can_be_posted_to_B()
    {
        using var page = await _a.Http.GetAsync("/login");
        var csrfCookie = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("login_csrf=", StringComparison.Ordinal));
        var token = CsrfField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;

        using var login = await _b.PostFormAsync("/login",
            [new("username", "alice"), new("password", "wonderland"), new("csrf_token", token)], csrfCookie);

        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _a.StatusOfAsync("/dashboard", SharedStateInstance.SessionCookieOf(login))).ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_token_from_A_is_accepted_by_B_and_its_refresh_token_is_single_use_across_both()
    {
        using var login = await _a.TokenLoginAsync("alice", "wonderland");
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tokens = await login.Content.ReadFromJsonAsync<JsonElement>();
        var access = tokens.GetProperty("access_token").GetString();
        var refresh = tokens.GetProperty("refresh_token").GetString();

        (await _b.StatusOfAsync("/api/me", bearer: access)).ShouldBe(HttpStatusCode.OK);

        using var first = await _b.Http.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = refresh });
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var replay = await _a.Http.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = refresh });
        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_password_checked_on_A_takes_its_totp_code_on_B_and_that_code_is_refused_again_on_A()
    {
        var code = SessionClient.Totp.Code(SharedStateInstance.CarolTotpSecret, await ServerNowAsync(_a));

        using var onB = await _b.Http.PostAsJsonAsync("/api/auth/2fa", new { login_ticket = await TicketAsync(_a), code });
        onB.StatusCode.ShouldBe(HttpStatusCode.OK, await onB.Content.ReadAsStringAsync());
        (await onB.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("access_token", out _).ShouldBeTrue();

        using var replay = await _a.Http.PostAsJsonAsync("/api/auth/2fa", new { login_ticket = await TicketAsync(_a), code });
        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await replay.Content.ReadAsStringAsync()).ShouldContain("already used");
    }

    [Test]
    public async Task Wrong_totp_codes_sent_to_A_lock_the_user_out_of_a_password_login_on_B()
    {
        var right = SessionClient.Totp.Code(SharedStateInstance.CarolTotpSecret, await ServerNowAsync(_a));
        var wrong = right == "000000" ? "111111" : "000000";
        var ticket = await TicketAsync(_a);
        for (var i = 0; i < 5; i++)
        {
            using var refused = await _a.Http.PostAsJsonAsync("/api/auth/2fa", new { login_ticket = ticket, code = wrong });
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var login = await _b.TokenLoginAsync("carol", "tango");

        login.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    private static async Task<string> TicketAsync(SharedStateInstance instance)
    {
        using var login = await instance.TokenLoginAsync("carol", "tango");
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("login_ticket").GetString()!;
    }

    /// <summary>The server clock (real time plus the shared offset): what an authenticator app must match.</summary>
    private static async Task<DateTimeOffset> ServerNowAsync(SharedStateInstance instance)
    {
        using var tick = await instance.Http.PostAsync("/_admin/clock/advance?seconds=0.001", null);
        return (await tick.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("now").GetDateTimeOffset();
    }

    [Test]
    public async Task Stateless_routes_skip_the_clock_catch_up_and_stateful_ones_do_not()
    {
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(_redis.Configuration + ",allowAdmin=true");
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var cookie = await _a.LoginAsync();
        var before = await GetCallsAsync(server);

        for (var i = 0; i < 20; i++) (await _a.StatusOfAsync("/cookies")).ShouldBe(HttpStatusCode.OK);
        var afterStateless = await GetCallsAsync(server);
        for (var i = 0; i < 20; i++) (await _a.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.OK);
        var afterStateful = await GetCallsAsync(server);

        afterStateless.ShouldBe(before);
        (afterStateful - afterStateless).ShouldBeGreaterThanOrEqualTo(20); // one clock GET per /protected
    }

    /// <summary>How many GET commands Redis has served (INFO commandstats).</summary>
    private static async Task<long> GetCallsAsync(StackExchange.Redis.IServer server)
    {
        var stats = (await server.InfoAsync("commandstats")).SelectMany(group => group);
        var get = stats.FirstOrDefault(kv => kv.Key == "cmdstat_get").Value ?? "calls=0";
        return long.Parse(get.Split(',')[0]["calls=".Length..]);
    }

    [Test]
    public async Task A_restart_of_A_loses_nothing()
    {
        var cookie = await _a.LoginAsync();
        var client = Guid.NewGuid().ToString("N");
        (await _a.StatusOfAsync("/flaky?fail_first=2", clientId: client)).ShouldBe(HttpStatusCode.InternalServerError);
        using (var advance = await _a.Http.PostAsync("/_admin/clock/advance?seconds=600", null))
            advance.StatusCode.ShouldBe(HttpStatusCode.OK);

        await _a.DisposeAsync();
        _a = await SharedStateInstance.StartAsync(_redis, _prefix);

        (await _a.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.OK);
        (await _a.StatusOfAsync("/flaky?fail_first=2", clientId: client)).ShouldBe(HttpStatusCode.InternalServerError);
        (await _a.StatusOfAsync("/flaky?fail_first=2", clientId: client)).ShouldBe(HttpStatusCode.OK);
        // The restarted process starts with no offset of its own; it must pick up the 600 s (and more) from Redis.
        (await ServerNowAsync(_a) - DateTimeOffset.UtcNow).ShouldBeGreaterThan(TimeSpan.FromSeconds(600));
    }

    [GeneratedRegex("name=\"csrf_token\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}
