using System.Net;
using System.Net.Http.Json;
using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Testing;

namespace SessionKit.Tests.Integration.Server;

public class AdminResetTotpTests : ServerTestBase
{
    private const string Secret = "JBSWY3DPEHPK3PXP";

    protected override FakeAuthServerFactory CreateServer() =>
        new FakeAuthServerFactory().WithAdminApi().Configure(o => o.TwoFactor["alice"] = Secret);

    private async Task<HttpStatusCode> LogInWithCodeAsync(string code)
    {
        var login = await Client.PostAsJsonAsync("/api/auth/login", new { username = "alice", password = "wonderland" });
        var ticket = (await JsonOf(login)).GetProperty("login_ticket").GetString();
        return (await Client.PostAsJsonAsync("/api/auth/2fa", new { login_ticket = ticket, code })).StatusCode;
    }

    [Test]
    public async Task After_a_reset_a_code_used_before_it_is_accepted_as_on_a_fresh_server()
    {
        var code = Totp.Code(Base32.Decode(Secret), Server.Clock.GetUtcNow());
        (await LogInWithCodeAsync(code)).ShouldBe(HttpStatusCode.OK);
        (await LogInWithCodeAsync(code)).ShouldBe(HttpStatusCode.Unauthorized);

        (await Client.PostAsync("/_admin/reset", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await LogInWithCodeAsync(code)).ShouldBe(HttpStatusCode.OK);
    }
}
