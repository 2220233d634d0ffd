using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SessionKit.Tests.Integration.Server;

/// <summary>
/// A login ticket of the token 2FA step on its own: what it gives and how many wrong codes it takes, with the user
/// lockout set high enough to stay out of the way (issue 21, item 11).
/// </summary>
public class TwoFactorTicketTests : TwoFactorTokenTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory()
        .WithUser("frank", "f-pass").WithUser("grace", "g-pass").WithUser("heidi", "h-pass")
        .Configure(o =>
        {
            o.TwoFactor["frank"] = Secret;
            o.TwoFactor["grace"] = Secret;
            o.TwoFactor["heidi"] = Secret;
        })
        .ConfigureServices(s => s.PostConfigure<LockoutOptions>(o => o.MaxFailures = 100));

    [Test]
    public async Task The_two_factor_token_login_returns_a_refresh_token_that_refreshes()
    {
        var tokens = await SecondFactorAsync(await TicketAsync("frank", "f-pass"), CurrentCode());

        tokens.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refresh = (await tokens.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString();
        refresh.ShouldNotBeNullOrEmpty();
        (await Client.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = refresh })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Five_wrong_codes_end_a_ticket_so_the_right_code_no_longer_completes_it()
    {
        var ticket = await TicketAsync("grace", "g-pass");
        for (var i = 0; i < 5; i++) (await SecondFactorAsync(ticket, WrongCode())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var refused = await SecondFactorAsync(ticket, CurrentCode());

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("No pending login");
    }

    [Test]
    public async Task Four_wrong_codes_leave_the_ticket_usable_for_the_right_one()
    {
        var ticket = await TicketAsync("heidi", "h-pass");
        for (var i = 0; i < 4; i++) (await SecondFactorAsync(ticket, WrongCode())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await SecondFactorAsync(ticket, CurrentCode())).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
