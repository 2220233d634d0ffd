using FakeAuthServer.Admin;
using Microsoft.Extensions.Configuration;

namespace SessionKit.Tests.Unit.Server;

/// <summary>With the admin API on, the server refuses to listen beyond loopback unless told to, and warns when told.</summary>
public class AdminExposureTests
{
    private static AdminExposure.Verdict Judge(Dictionary<string, string?> settings, bool enabled = true, bool anyAddress = false) =>
        AdminExposure.Judge(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            new AdminOptions { Enabled = enabled, AllowAnyAddress = anyAddress });

    [TestCase("http://localhost:8000")]
    [TestCase("http://127.0.0.1:0;https://127.0.0.1:0")]
    [TestCase("http://127.5.5.5:9000")]
    [TestCase("http://[::1]:8000")]
    [TestCase("http://app.localhost:8000")]
    public void Loopback_addresses_start_without_a_word(string urls) =>
        Judge(new() { ["urls"] = urls }).ShouldBe(new AdminExposure.Verdict(null, null));

    [TestCase("http://0.0.0.0:8000")]
    [TestCase("http://*:8000")]
    [TestCase("http://+:8000")]
    [TestCase("http://[::]:8000")]
    [TestCase("http://testbox.lan:8000")]
    [TestCase("http://127.0.0.1:8000;http://192.168.1.5:8000")]
    public void Any_other_address_is_refused_naming_it_and_the_switch(string urls)
    {
        var verdict = Judge(new() { ["urls"] = urls });

        verdict.Refusal.ShouldNotBeNull();
        verdict.Refusal.ShouldContain(urls.Split(';').Last());
        verdict.Refusal.ShouldContain("--admin-any-address");
    }

    [Test]
    public void Http_ports_mean_every_interface() =>
        Judge(new() { ["HTTP_PORTS"] = "8080" }).Refusal.ShouldNotBeNull().ShouldContain("http://*:8080");

    [Test]
    public void Kestrel_endpoints_are_judged_and_replace_the_urls_setting()
    {
        Judge(new() { ["urls"] = "http://127.0.0.1:1", ["Kestrel:Endpoints:Web:Url"] = "http://0.0.0.0:8000" })
            .Refusal.ShouldNotBeNull().ShouldContain("http://0.0.0.0:8000");
        Judge(new() { ["urls"] = "http://0.0.0.0:1", ["Kestrel:Endpoints:Web:Url"] = "http://localhost:8000" })
            .Refusal.ShouldBeNull();
    }

    [Test]
    public void Confirmed_exposure_starts_with_a_warning()
    {
        var verdict = Judge(new() { ["urls"] = "http://0.0.0.0:8000" }, anyAddress: true);

        verdict.Refusal.ShouldBeNull();
        verdict.Warning.ShouldNotBeNull().ShouldContain("http://0.0.0.0:8000");
    }

    [Test]
    public void Without_the_admin_api_any_address_is_fine() =>
        Judge(new() { ["urls"] = "http://0.0.0.0:8000" }, enabled: false).ShouldBe(new AdminExposure.Verdict(null, null));
}
