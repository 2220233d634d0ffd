using FakeAuthServer.Testing;
using Microsoft.Extensions.Options;

namespace SessionKit.Tests.Integration.Server;

public class SessionOptionsTests
{
    [TestCase("not base32!")]
    [TestCase("")]
    public void A_two_factor_secret_that_is_not_base32_stops_the_server_at_start(string secret)
    {
        using var server = new FakeAuthServerFactory().Configure(o => o.TwoFactor["alice"] = secret);

        Should.Throw<OptionsValidationException>(() => server.CreateClient()).Message.ShouldContain("TwoFactor:alice");
    }

    [Test]
    public void A_non_positive_idle_timeout_stops_the_server_at_start()
    {
        using var server = new FakeAuthServerFactory().Configure(o => o.IdleTimeout = TimeSpan.Zero);

        Should.Throw<OptionsValidationException>(() => server.CreateClient()).Message.ShouldContain("IdleTimeout");
    }
}
