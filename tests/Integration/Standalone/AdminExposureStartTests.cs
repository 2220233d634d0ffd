using System.Net;

namespace SessionKit.Tests.Integration.Standalone;

/// <summary>The real binary with --admin on an address beyond loopback: refused unless confirmed, then a warning.</summary>
public class AdminExposureStartTests
{
    [Test]
    public async Task With_admin_on_every_interface_the_server_refuses_to_start_and_says_how_to_confirm()
    {
        var dll = StandaloneServer.Dll;

        var run = await ExternalTool.RunAsync("dotnet", [dll, "--admin", "--urls", "http://0.0.0.0:0"], timeout: TimeSpan.FromSeconds(60));

        run.ExitCode.ShouldBe(1);
        run.StdErr.ShouldContain("FakeAuthServer cannot start: the admin API has no authentication");
        run.StdErr.ShouldContain("--admin-any-address");
        run.StdOut.ShouldNotContain("Now listening");
    }

    [Test]
    public async Task Confirmed_with_admin_any_address_it_starts_and_warns()
    {
        await using var server = await StandaloneServer.StartAsync("--admin", "--admin-any-address",
            "--urls", "http://127.0.0.1:0;http://0.0.0.0:0");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        (await http.GetAsync("/_admin/sessions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Output.ShouldContain("Warning: the admin API (no authentication) is reachable at http://0.0.0.0:0");
    }
}
