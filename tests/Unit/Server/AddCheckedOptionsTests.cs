using FakeAuthServer.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SessionKit.Tests.Unit.Server;

// AddCheckedOptions is 0.1.0 API that the server itself no longer calls (its settings are bound by generated code),
// so what it promises is pinned here: bound from the section, checked at start, following a reload.
public class AddCheckedOptionsTests
{
    private static (ServiceProvider Services, IConfigurationRoot Configuration) Build(string maxSessions)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["FakeAuth:MaxSessions"] = maxSessions })
            .Build();
        var services = new ServiceCollection()
            .AddCheckedOptions<FakeAuthOptions, FakeAuthOptionsValidator>(configuration, FakeAuthOptions.Section)
            .BuildServiceProvider();
        return (services, configuration);
    }

    [Test]
    public void It_binds_the_named_section()
    {
        using var services = Build("7").Services;
        services.GetRequiredService<IOptions<FakeAuthOptions>>().Value.MaxSessions.ShouldBe(7);
    }

    [Test]
    public void A_bad_setting_fails_the_start_up_check_naming_it()
    {
        using var services = Build("0").Services;
        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate())
            .Message.ShouldContain("MaxSessions");
    }

    [Test]
    public void A_reloaded_configuration_reaches_the_options_monitor()
    {
        var (services, configuration) = Build("7");
        using var _ = services;
        var monitor = services.GetRequiredService<IOptionsMonitor<FakeAuthOptions>>();
        monitor.CurrentValue.MaxSessions.ShouldBe(7);

        configuration["FakeAuth:MaxSessions"] = "9";
        configuration.Reload();

        monitor.CurrentValue.MaxSessions.ShouldBe(9);
    }
}
