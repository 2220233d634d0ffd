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
    public async Task An_invalid_setting_ends_the_start_with_one_line_and_exit_code_1_not_an_abort()
    {
        var dll = StandaloneServer.Dll;

        var run = await ExternalTool.RunAsync("dotnet", [dll, "--urls", "http://127.0.0.1:0", "--FakeAuth:Flaky:FailureRate=2"],
            timeout: TimeSpan.FromSeconds(60));

        run.ExitCode.ShouldBe(1);
        run.StdErr.ShouldContain("FakeAuthServer cannot start: ");
        run.StdErr.ShouldContain("FailureRate");
        run.StdErr.ShouldNotContain("Unhandled exception");
    }

    [Test]
    public async Task An_empty_idle_timeout_means_none_so_a_session_unused_past_the_default_half_hour_lives_on()
    {
        await using var server = await StandaloneServer.StartAsync("--admin", "--FakeAuth:SessionLifetime=02:00:00", "--FakeAuth:IdleTimeout=");
        using var http = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = server.BaseAddress };
        await http.PostAsync("/api/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "some_name", ["password"] = "pass" }));

        (await http.PostAsync("/_admin/clock/advance?seconds=3600", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await http.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.OK);
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
