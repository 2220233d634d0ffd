using System.Net;

namespace SessionKit.Tests.Integration.Standalone;

[NonParallelizable]
public class StandaloneConfigurationTests
{
    [Test]
    public async Task Command_line_options_override_appsettings()
    {
        await using var server = await StandaloneServer.StartAsync(
            "--FakeAuth:SessionLifetime=00:05:00", "--FakeAuth:Users:carol=secret");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var response = await http.PostAsync("/api/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "carol", ["password"] = "secret" }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Set-Cookie").Single().ShouldEndWith("Max-Age=300");
    }

    [Test]
    public async Task An_invalid_configuration_stops_the_server_with_a_message_naming_the_setting()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(
            () => StandaloneServer.StartAsync("--FakeAuth:Flaky:FailureRate=2"));

        failure.Message.ShouldContain("FailureRate");
    }

    [Test]
    public async Task With_admin_the_real_server_clock_can_be_advanced_to_expire_a_session()
    {
        await using var server = await StandaloneServer.StartAsync("--admin", "--FakeAuth:SessionLifetime=00:10:00");
        using var http = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = server.BaseAddress };
        await http.PostAsync("/api/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "some_name", ["password"] = "pass" }));
        (await http.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await http.PostAsync("/_admin/clock/advance?seconds=601", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await http.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
