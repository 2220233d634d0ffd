using System.Net;

namespace SessionKit.Tests.Integration.Server;

public class FormLoginDashboardTests : ServerTestBase
{
    [TestCase("")]
    [TestCase("user_id=0123456789abcdef0123456789abcdef")]
    [TestCase("user_id=not-a-session; user_id=\"\"")]
    public async Task Without_a_live_session_the_dashboard_sends_the_browser_to_log_in_and_come_back(string cookie)
    {
        var response = await GetWithCookieAsync("/dashboard", cookie);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/login?next=%2Fdashboard");
    }

    [Test]
    public async Task A_tampered_session_cookie_is_sent_to_log_in()
    {
        var id = SessionIdFrom(await LoginAsync());
        var tampered = (id[0] == 'a' ? 'b' : 'a') + id[1..];

        (await GetWithCookieAsync("/dashboard", $"user_id={id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetWithCookieAsync("/dashboard", $"user_id={tampered}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Test]
    public async Task A_session_from_the_json_api_login_opens_the_dashboard()
    {
        var id = SessionIdFrom(await LoginAsync("alice", "wonderland"));

        var dashboard = await GetWithCookieAsync("/dashboard", $"user_id={id}");

        (await dashboard.Content.ReadAsStringAsync()).ShouldContain("Welcome, alice");
    }

    [Test]
    public async Task Logout_ends_the_server_session_expires_the_cookie_and_returns_to_the_login_page()
    {
        var id = SessionIdFrom(await LoginAsync());
        var request = new HttpRequestMessage(HttpMethod.Post, "/logout");
        request.Headers.Add("Cookie", $"user_id={id}");

        var logout = await Client.SendAsync(request);

        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        logout.Headers.Location!.OriginalString.ShouldBe("/login");
        FormLoginBrowser.SetCookieHeader(logout, "user_id").ShouldContain("Max-Age=0");
        // The server forgot the session: replaying the old cookie does not work.
        (await GetWithCookieAsync("/protected", $"user_id={id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetWithCookieAsync("/dashboard", $"user_id={id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Test]
    public async Task A_browser_that_logs_out_is_logged_out_everywhere()
    {
        using var browser = new FormLoginBrowser(Server);
        await browser.LogInAsync();
        (await browser.Client.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await browser.Client.PostAsync("/logout", null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await browser.Client.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.Client.GetAsync("/dashboard")).Headers.Location!.OriginalString.ShouldBe("/login?next=%2Fdashboard");
    }
}
