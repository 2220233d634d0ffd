using System.Net;
using FakeAuthServer.Testing;
using SessionClient;

namespace SessionKit.Tests.Integration.Client;

/// <summary>The login helpers answer a TOTP second step with a code callback.</summary>
public class TwoFactorClientTests : FreshServerTestBase
{
    protected override FakeAuthServerFactory CreateServer()
    {
        var server = new FakeAuthServerFactory().Configure(o => o.TwoFactor["alice"] = Secret);
        server.Clock.Advance(TimeSpan.FromMinutes(1)); // clear of any step a previous login used
        return server;
    }

    private const string Secret = "JBSWY3DPEHPK3PXP";

    private ValueTask<string> CurrentCode(CancellationToken _) => ValueTask.FromResult(Totp.Code(Secret, Server.Clock.GetUtcNow()));

    [Test]
    public async Task Form_login_answers_the_code_step_and_reaches_the_dashboard()
    {
        await using var session = NewSession();

        var landed = await new FormLogin("/login", "alice", "wonderland") { TwoFactorCode = CurrentCode }.LoginAsync(session);

        (await landed.Content.ReadAsStringAsync()).ShouldContain("Welcome, alice");
        (await session.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Form_login_with_a_wrong_code_fails_clearly()
    {
        await using var session = NewSession();
        var login = new FormLogin("/login", "alice", "wonderland") { TwoFactorCode = _ => ValueTask.FromResult("000000") };

        if (Totp.Code(Secret, Server.Clock.GetUtcNow()) == "000000") Assert.Ignore("the current code happens to be 000000");
        (await Should.ThrowAsync<LoginFailedException>(() => login.LoginAsync(session))).Status.ShouldBe(401);
    }

    [Test]
    public async Task Form_login_without_a_code_callback_says_a_second_factor_is_needed()
    {
        await using var session = NewSession();

        (await Should.ThrowAsync<LoginFailedException>(() => new FormLogin("/login", "alice", "wonderland").LoginAsync(session)))
            .Message.ShouldContain("second factor");
    }

    [Test]
    public async Task Token_login_answers_two_factor_required_with_the_code()
    {
        await using var session = NewSession();
        session.Auth = new TokenLogin("/api/auth/login", "alice", "wonderland")
        {
            TwoFactorUrl = "/api/auth/2fa",
            TwoFactorCode = CurrentCode,
        };

        (await session.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
