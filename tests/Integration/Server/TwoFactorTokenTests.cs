using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SessionKit.Tests.Integration.Server;

/// <summary>2FA for API clients: the token login answers two_factor_required with a ticket; /api/auth/2fa finishes it.</summary>
public class TwoFactorTokenTests : ServerTestBase
{
    private const string Secret = "JBSWY3DPEHPK3PXP";
    private static readonly byte[] SecretBytes = Base32.Decode(Secret);

    protected override FakeAuthServerFactory CreateServer() =>
        new FakeAuthServerFactory().Configure(o => o.TwoFactor["alice"] = Secret);

    [SetUp]
    public void NextSteps() => Server.Clock.Advance(3 * Totp.Step);

    private string CurrentCode() => Totp.Code(SecretBytes, Server.Clock.GetUtcNow());

    private async Task<string> TicketAsync()
    {
        var login = await Client.PostAsJsonAsync("/api/auth/login", new { username = "alice", password = "wonderland" });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await login.Content.ReadFromJsonAsync<JsonElement>();
        json.GetProperty("two_factor_required").GetBoolean().ShouldBeTrue();
        json.TryGetProperty("access_token", out _).ShouldBeFalse();
        return json.GetProperty("login_ticket").GetString()!;
    }

    [Test]
    public async Task A_totp_user_gets_a_ticket_and_the_code_turns_it_into_working_tokens()
    {
        var ticket = await TicketAsync();

        var tokens = await Client.PostAsJsonAsync("/api/auth/2fa", new { login_ticket = ticket, code = CurrentCode() });

        tokens.StatusCode.ShouldBe(HttpStatusCode.OK);
        var access = (await tokens.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var me = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { { "Authorization", $"Bearer {access}" } } };
        (await Client.SendAsync(me)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_wrong_code_is_refused_and_a_ticket_works_only_once()
    {
        var ticket = await TicketAsync();
        var wrong = CurrentCode() == "000000" ? "111111" : "000000";

        (await Client.PostAsJsonAsync("/api/auth/2fa", new { login_ticket = ticket, code = wrong })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Client.PostAsJsonAsync("/api/auth/2fa", new { login_ticket = ticket, code = CurrentCode() })).StatusCode.ShouldBe(HttpStatusCode.OK);
        Server.Clock.Advance(Totp.Step);
        (await Client.PostAsJsonAsync("/api/auth/2fa", new { login_ticket = ticket, code = CurrentCode() })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task An_expired_ticket_is_refused()
    {
        var ticket = await TicketAsync();
        Server.Clock.Advance(TimeSpan.FromMinutes(5)); // the pending login's lifetime

        (await Client.PostAsJsonAsync("/api/auth/2fa", new { login_ticket = ticket, code = CurrentCode() })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [TestCase("""{"login_ticket":"x"}""", 400)]
    [TestCase("""{"login_ticket":"x","code":"12ab56"}""", 400)]
    [TestCase("""[1]""", 400)]
    public async Task Malformed_second_steps_are_4xx_problems(string body, int status)
    {
        var response = await Client.PostAsync("/api/auth/2fa", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        ((int)response.StatusCode).ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Test]
    public async Task The_seed_004_flow_posts_the_bare_code_to_2fa_verify_and_gets_in()
    {
        using var browser = Server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await (await browser.GetAsync("/login")).Content.ReadAsStringAsync();
        var csrf = System.Text.RegularExpressions.Regex.Match(page, "name=\"csrf_token\" value=\"([^\"]+)\"").Groups[1].Value;
        await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["username"] = "alice", ["password"] = "wonderland", ["csrf_token"] = csrf }));

        var verify = await browser.PostAsync("/2fa/verify", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = CurrentCode() }));

        verify.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
