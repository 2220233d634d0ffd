using FakeAuthServer;
using FakeAuthServer.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SessionKit.Tests.Integration.Server;

/// <summary>
/// Bad session settings are refused by the server's own option validation. Checked through its registration rather
/// than by starting a host: WebApplicationFactory can lose a start-up exception to an ObjectDisposedException.
/// (StandaloneConfigurationTests shows the real binary exiting with the setting named.)
/// </summary>
public class SessionOptionsTests
{
    private static OptionsValidationException Refusal(Action<FakeAuthOptions> configure)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddFakeAuthServer(new ConfigurationBuilder().Build());
        services.PostConfigure(configure);
        using var provider = services.BuildServiceProvider();
        return Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FakeAuthOptions>>().Value);
    }

    [TestCase("not base32!")]
    [TestCase("")]
    public void A_two_factor_secret_that_is_not_base32_is_refused(string secret) =>
        Refusal(o => o.TwoFactor["alice"] = secret).Message.ShouldContain("TwoFactor:alice");

    [Test]
    public void A_non_positive_idle_timeout_is_refused() =>
        Refusal(o => o.IdleTimeout = TimeSpan.Zero).Message.ShouldContain("IdleTimeout");
}
