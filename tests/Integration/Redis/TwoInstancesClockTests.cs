using System.Net;

namespace SessionKit.Tests.Integration.Redis;

/// <summary>
/// A clock advance on A reaches B's routes that check the shared offset inside their store scripts (no separate
/// catch-up before the request): access tokens, lockouts and new sessions are judged on the shared time.
/// </summary>
public partial class TwoInstancesTests
{
    [Test]
    public async Task A_clock_advance_through_A_expires_an_access_token_on_B()
    {
        using var login = await _a.TokenLoginAsync("alice", "wonderland");
        var access = await SharedStateInstance.AccessTokenOf(login);
        (await MeOnBAsync(access)).ShouldBe(HttpStatusCode.OK);

        await AdvanceOnAAsync(seconds: 15 * 60); // the default access token lifetime

        (await MeOnBAsync(access)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_clock_advance_through_A_ends_a_lockout_on_B_and_Retry_After_counts_from_the_shared_time()
    {
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await _a.PostFormAsync("/api/login", [new("username", "alice"), new("password", "nope")]);
        }
        await AdvanceOnAAsync(seconds: 10 * 60);
        using (var locked = await _b.PostFormAsync("/api/login", [new("username", "alice"), new("password", "wonderland")]))
        {
            locked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            locked.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(5 * 60 - 5, 5 * 60); // 15 min lock, 10 passed
        }

        await AdvanceOnAAsync(seconds: 5 * 60);

        using var right = await _b.PostFormAsync("/api/login", [new("username", "alice"), new("password", "wonderland")]);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_session_started_on_B_after_an_advance_on_A_lives_its_full_lifetime_from_the_shared_time()
    {
        await AdvanceOnAAsync(seconds: 3000);
        var cookie = await _b.LoginAsync(); // B has not seen the advance before this login

        // Used every 28 min (the idle timeout is 30): alive 56 min after the login, ended at 84 (the lifetime is 1 h).
        // Started on B's stale clock, it would already have ended 10 min after its login.
        await AdvanceOnAAsync(seconds: 28 * 60);
        (await _b.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.OK);
        await AdvanceOnAAsync(seconds: 28 * 60);
        (await _b.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.OK);
        await AdvanceOnAAsync(seconds: 28 * 60);
        (await _b.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Tokens_from_a_token_login_on_B_after_an_advance_on_A_live_their_full_lifetime_from_the_shared_time()
    {
        await AdvanceOnAAsync(seconds: 3000);
        // B has not seen the advance before this login: stamped on its stale clock, the 15-minute access token would
        // have ended 35 minutes before it was issued.
        using var login = await _b.TokenLoginAsync("alice", "wonderland");
        var access = await SharedStateInstance.AccessTokenOf(login);

        (await MeOnBAsync(access)).ShouldBe(HttpStatusCode.OK);
        await AdvanceOnAAsync(seconds: 14 * 60);
        (await MeOnBAsync(access)).ShouldBe(HttpStatusCode.OK);
        await AdvanceOnAAsync(seconds: 60);
        (await MeOnBAsync(access)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_form_login_on_B_after_an_advance_on_A_leaves_a_pending_second_factor_that_A_still_sees()
    {
        await AdvanceOnAAsync(seconds: 3000);
        using var page = await _a.Http.GetAsync("/login");
        var csrfCookie = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("login_csrf=", StringComparison.Ordinal));
        var token = CsrfField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;

        // B has not seen the advance: drawn on its stale clock, the five-minute pending login would be over already.
        using var login = await _b.PostFormAsync("/login", [new("username", "carol"), new("password", "tango"), new("csrf_token", token)], csrfCookie);
        login.Headers.Location!.OriginalString.ShouldBe("/2fa");
        var pending = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => !c.StartsWith("login_csrf=", StringComparison.Ordinal));

        using var onA = new HttpRequestMessage(HttpMethod.Get, "/2fa") { Headers = { { "Cookie", pending } } };
        using var form = await _a.Http.SendAsync(onA);
        form.StatusCode.ShouldBe(HttpStatusCode.OK, "the code form, not a redirect to /login");
    }

    private async Task AdvanceOnAAsync(int seconds)
    {
        using var advance = await _a.Http.PostAsync($"/_admin/clock/advance?seconds={seconds}", null);
        advance.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<HttpStatusCode> MeOnBAsync(string access) => _b.StatusOfAsync("/api/me", bearer: access);
}
