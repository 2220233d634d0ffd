using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Testing;

namespace SessionKit.Tests.Integration.Server;

/// <summary>Wrong second factors count against the user like wrong passwords, however many tickets they are spread over.</summary>
public class TwoFactorLockoutTests : TwoFactorTokenTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory()
        .WithUser("carol", "c-pass").WithUser("dave", "d-pass").WithUser("erin", "e-pass")
        .Configure(o =>
        {
            o.TwoFactor["carol"] = Secret;
            o.TwoFactor["dave"] = Secret;
            o.TwoFactor["erin"] = Secret;
        });

    [Test]
    public async Task Five_wrong_codes_over_five_fresh_tickets_lock_the_user_on_every_login_endpoint()
    {
        for (var i = 0; i < 5; i++)
            (await SecondFactorAsync(await TicketAsync("carol", "c-pass"), WrongCode())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var token = await Client.PostAsJsonAsync("/api/auth/login", new { username = "carol", password = "c-pass" });
        token.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        token.Headers.RetryAfter!.Delta.ShouldNotBeNull();
        (await LoginAsync("carol", "c-pass")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        using var browser = new FormLoginBrowser(Server);
        (await browser.LogInAsync("carol", "c-pass")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task A_locked_user_cannot_spend_a_right_code_on_a_ticket_taken_before_the_lock()
    {
        var early = await TicketAsync("dave", "d-pass");
        for (var i = 0; i < 5; i++)
            (await SecondFactorAsync(await TicketAsync("dave", "d-pass"), WrongCode())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var refused = await SecondFactorAsync(early, CurrentCode());

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Test]
    public async Task A_right_password_between_wrong_codes_does_not_reset_the_count_but_a_right_code_does()
    {
        for (var i = 0; i < 4; i++)
            (await SecondFactorAsync(await TicketAsync("erin", "e-pass"), WrongCode())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await SecondFactorAsync(await TicketAsync("erin", "e-pass"), CurrentCode())).StatusCode.ShouldBe(HttpStatusCode.OK);

        Server.Clock.Advance(Totp.Step);
        for (var i = 0; i < 4; i++)
            (await SecondFactorAsync(await TicketAsync("erin", "e-pass"), WrongCode())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await SecondFactorAsync(await TicketAsync("erin", "e-pass"), CurrentCode())).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
