using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FakeAuthServer.Testing;
using SessionKit.Tests.Integration.Server;

namespace SessionKit.Tests.Integration.Scenarios;

/// <summary>What --target relies on in the admin API: second factors for users, a reset that forgets them, /_admin/info.</summary>
public class AdminApiForTargetsTests : ServerTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory().WithAdminApi();

    [SetUp]
    public async Task Reset() => (await Client.PostAsync("/_admin/reset", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

    private async Task<HttpResponseMessage> FormLoginAsync(string username, string password)
    {
        var page = await Client.GetAsync("/login");
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"csrf_token\" value=\"([^\"]+)\"").Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = username, ["password"] = password, ["csrf_token"] = token }),
        };
        request.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        return await Client.SendAsync(request);
    }

    [Test]
    public async Task A_totp_secret_given_to_an_existing_user_sends_their_form_login_to_the_code_page_until_a_reset()
    {
        var added = await Client.PostAsJsonAsync("/_admin/users", new { username = "alice", totpSecret = "JBSWY3DPEHPK3PXP" });

        added.StatusCode.ShouldBe(HttpStatusCode.OK, "alice exists, so her password is kept");
        (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("twoFactor").GetBoolean().ShouldBeTrue();
        (await FormLoginAsync("alice", "wonderland")).Headers.Location!.ToString().ShouldBe("/2fa");

        await Reset();
        (await FormLoginAsync("alice", "wonderland")).Headers.Location!.ToString().ShouldBe("/dashboard");
    }

    [Test]
    public async Task A_new_user_with_a_totp_secret_needs_the_code_and_an_empty_secret_takes_it_away()
    {
        (await Client.PostAsJsonAsync("/_admin/users", new { username = "erin", password = "pw", totpSecret = "JBSWY3DPEHPK3PXP" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await FormLoginAsync("erin", "pw")).Headers.Location!.ToString().ShouldBe("/2fa");

        (await Client.PostAsJsonAsync("/_admin/users", new { username = "erin", totpSecret = "" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FormLoginAsync("erin", "pw")).Headers.Location!.ToString().ShouldBe("/dashboard");
    }

    [TestCase("not base32!")]
    [TestCase("1111")]
    public async Task A_secret_that_is_not_base32_is_a_400_problem_and_changes_nothing(string secret)
    {
        var response = await Client.PostAsJsonAsync("/_admin/users", new { username = "alice", totpSecret = secret });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("totpSecret must be RFC 4648 Base32");
        (await FormLoginAsync("alice", "wonderland")).Headers.Location!.ToString().ShouldBe("/dashboard");
    }

    [Test]
    public async Task A_new_user_still_needs_a_password() =>
        (await Client.PostAsJsonAsync("/_admin/users", new { username = "frank", totpSecret = "JBSWY3DPEHPK3PXP" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

    [Test]
    public async Task Info_gives_the_server_clock_and_no_certificate_while_none_was_generated()
    {
        await Client.PostAsync("/_admin/clock/advance?seconds=3600", null);

        var info = await Client.GetFromJsonAsync<JsonElement>("/_admin/info");

        info.GetProperty("now").GetDateTimeOffset().ShouldBe(Server.Clock.GetUtcNow());
        info.GetProperty("addresses").ValueKind.ShouldBe(JsonValueKind.Array);
        info.GetProperty("generatedCertificateSha256").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
