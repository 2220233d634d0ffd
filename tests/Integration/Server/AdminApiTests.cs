using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FakeAuthServer.Testing;

namespace SessionKit.Tests.Integration.Server;

public class AdminApiOffTests : ServerTestBase
{
    [TestCase("GET", "/_admin/sessions")]
    [TestCase("POST", "/_admin/clock/advance?seconds=10")]
    [TestCase("POST", "/_admin/reset")]
    public async Task The_admin_api_is_refused_unless_enabled(string method, string path)
    {
        var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("--admin");
    }
}

public class AdminApiTests : ServerTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory().WithAdminApi();

    [Test]
    public async Task Advancing_the_clock_through_the_api_expires_a_session()
    {
        var id = SessionIdFrom(await LoginAsync());

        (await Client.PostAsync("/_admin/clock/advance?seconds=3601", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await GetWithCookieAsync("/protected", $"user_id={id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Sessions_are_listed_and_one_can_be_ended()
    {
        var id = SessionIdFrom(await LoginAsync());

        var listed = await Client.GetFromJsonAsync<JsonElement>("/_admin/sessions");
        listed.EnumerateArray().Select(s => s.GetProperty("id").GetString()).ShouldContain(id);
        (await Client.DeleteAsync($"/_admin/sessions/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await GetWithCookieAsync("/protected", $"user_id={id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Client.DeleteAsync($"/_admin/sessions/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_user_added_through_the_api_can_log_in()
    {
        (await Client.PostAsJsonAsync("/_admin/users", new { username = "dana", password = "s3cret" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await LoginAsync("dana", "s3cret")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_journal_lists_recent_requests()
    {
        await Client.GetAsync("/get?journal=1");

        var entries = await Client.GetFromJsonAsync<JsonElement>("/_admin/requests");

        entries.EnumerateArray().ShouldContain(e => e.GetProperty("path").GetString() == "/get" && e.GetProperty("status").GetInt32() == 200);
    }

    [Test]
    public async Task Reset_forgets_sessions_and_flaky_counters()
    {
        var id = SessionIdFrom(await LoginAsync());
        var flaky = new HttpRequestMessage(HttpMethod.Get, "/flaky?fail_first=1");
        flaky.Headers.Add("X-Client-Id", "reset-me");
        (await Client.SendAsync(flaky)).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);

        (await Client.PostAsync("/_admin/reset", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await GetWithCookieAsync("/protected", $"user_id={id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var again = new HttpRequestMessage(HttpMethod.Get, "/flaky?fail_first=1");
        again.Headers.Add("X-Client-Id", "reset-me");
        (await Client.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
    }

    [TestCase("/_admin/clock/advance")]
    [TestCase("/_admin/clock/advance?seconds=-5")]
    [TestCase("/_admin/clock/advance?seconds=NaN")]
    [TestCase("/_admin/clock/advance?seconds=1e30")]
    public async Task A_bad_clock_advance_is_a_400_problem(string path)
    {
        var response = await Client.PostAsync(path, null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Test]
    public async Task A_user_without_a_password_is_a_400_problem() =>
        (await Client.PostAsJsonAsync("/_admin/users", new { username = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
}
