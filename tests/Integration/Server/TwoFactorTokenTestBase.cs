using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FakeAuthServer.Auth.TwoFactor;

namespace SessionKit.Tests.Integration.Server;

/// <summary>The token 2FA step from a test's side: one TOTP secret, tickets from /api/auth/login, codes to /api/auth/2fa.</summary>
public abstract class TwoFactorTokenTestBase : ServerTestBase
{
    protected const string Secret = "JBSWY3DPEHPK3PXP";
    private static readonly byte[] SecretBytes = Base32.Decode(Secret);

    // Every test starts three steps on, so even the window's previous step is newer than any code a test accepted.
    [SetUp]
    public void NextSteps() => Server.Clock.Advance(3 * Totp.Step);

    protected string CurrentCode() => Totp.Code(SecretBytes, Server.Clock.GetUtcNow());

    protected string WrongCode() => CurrentCode() == "000000" ? "111111" : "000000";

    protected async Task<string> TicketAsync(string user, string password)
    {
        var login = await Client.PostAsJsonAsync("/api/auth/login", new { username = user, password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("login_ticket").GetString()!;
    }

    protected Task<HttpResponseMessage> SecondFactorAsync(string ticket, string code) =>
        Client.PostAsJsonAsync("/api/auth/2fa", new { login_ticket = ticket, code });
}
