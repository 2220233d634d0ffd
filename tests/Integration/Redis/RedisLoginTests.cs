using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SessionKit.Tests.Integration.Redis;

/// <summary>
/// In Redis mode an accepted password login is one script (lock check, consequence, carried sessions, new session):
/// the lockout decides exactly as the in-memory guard does (the default: 5 failures within the window lock the user).
/// </summary>
[NonParallelizable]
public class RedisLoginTests : OneInstanceTests
{
    [SetUp]
    public async Task ResetSharedState()
    {
        using var reset = await Server.Http.PostAsync("/_admin/reset", null);
        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Test]
    public async Task A_right_password_forgets_the_wrong_ones_before_it()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add(await LoginStatusAsync("alice", "nope"));
        statuses.Add(await LoginStatusAsync("alice", "wonderland"));
        for (var i = 0; i < 4; i++) statuses.Add(await LoginStatusAsync("alice", "nope"));

        statuses.ShouldBe([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.OK, .. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4)]);
        (await LoginStatusAsync("alice", "wonderland")).ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_right_password_for_a_user_with_totp_forgets_nothing()
    {
        for (var i = 0; i < 4; i++) (await LoginStatusAsync("carol", "nope")).ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginStatusAsync("carol", "tango")).ShouldBe(HttpStatusCode.OK, "/api/login asks no second factor");

        (await LoginStatusAsync("carol", "nope")).ShouldBe(HttpStatusCode.Unauthorized);

        (await LoginStatusAsync("carol", "tango")).ShouldBe(HttpStatusCode.TooManyRequests, "the fifth failure locked her");
    }

    [Test]
    public async Task A_locked_user_with_the_right_password_gets_429_and_no_session()
    {
        using var before = await Server.PostFormAsync("/api/login", [new("username", "alice"), new("password", "wonderland")]);
        var carried = SharedStateInstance.SessionCookieOf(before);
        for (var i = 0; i < 5; i++) (await LoginStatusAsync("alice", "nope")).ShouldBe(HttpStatusCode.Unauthorized);

        using var right = await Server.PostFormAsync("/api/login", [new("username", "alice"), new("password", "wonderland")], carried);

        right.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        right.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        right.Headers.Contains("Set-Cookie").ShouldBeFalse();
        (await Server.StatusOfAsync("/protected", carried)).ShouldBe(HttpStatusCode.OK, "a refused login ends nothing");
    }

    [Test]
    public async Task A_locked_user_with_the_right_password_gets_429_and_no_tokens_from_the_token_login()
    {
        for (var i = 0; i < 5; i++) (await TokenLoginStatusAsync("alice", "nope")).ShouldBe(HttpStatusCode.Unauthorized);

        using var right = await Server.TokenLoginAsync("alice", "wonderland");

        right.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        right.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        (await right.Content.ReadAsStringAsync()).ShouldNotContain("access_token");
    }

    [Test]
    public async Task A_right_password_on_the_token_login_forgets_the_wrong_ones_before_it()
    {
        for (var i = 0; i < 4; i++) (await TokenLoginStatusAsync("alice", "nope")).ShouldBe(HttpStatusCode.Unauthorized);
        (await TokenLoginStatusAsync("alice", "wonderland")).ShouldBe(HttpStatusCode.OK);
        for (var i = 0; i < 4; i++) (await TokenLoginStatusAsync("alice", "nope")).ShouldBe(HttpStatusCode.Unauthorized);

        (await TokenLoginStatusAsync("alice", "wonderland")).ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_right_password_on_the_token_login_for_a_user_with_totp_gets_a_ticket_and_forgets_nothing()
    {
        for (var i = 0; i < 4; i++) (await TokenLoginStatusAsync("carol", "nope")).ShouldBe(HttpStatusCode.Unauthorized);

        using var right = await Server.TokenLoginAsync("carol", "tango");
        var body = await right.Content.ReadFromJsonAsync<JsonElement>();

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("two_factor_required").GetBoolean().ShouldBeTrue();
        body.TryGetProperty("access_token", out _).ShouldBeFalse();
        (await TokenLoginStatusAsync("carol", "nope")).ShouldBe(HttpStatusCode.Unauthorized);
        (await TokenLoginStatusAsync("carol", "tango")).ShouldBe(HttpStatusCode.TooManyRequests, "the fifth failure locked her");
    }

    private async Task<HttpStatusCode> TokenLoginStatusAsync(string user, string password)
    {
        using var response = await Server.TokenLoginAsync(user, password);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> LoginStatusAsync(string user, string password)
    {
        using var response = await Server.PostFormAsync("/api/login", [new("username", user), new("password", password)]);
        return response.StatusCode;
    }
}
