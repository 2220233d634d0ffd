using System.Net;
using System.Net.Sockets;

namespace SessionKit.Tests.Integration.Standalone;

/// <summary>The real binary on an address it cannot listen on: one plain line and exit code 1, not an abort.</summary>
public class ListenFailureStartTests
{
    [Test]
    public async Task A_port_already_in_use_stops_the_start_with_the_address_named()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await ExternalTool.RunAsync("dotnet", [StandaloneServer.Dll, "--urls", $"http://127.0.0.1:{port}"], timeout: TimeSpan.FromSeconds(60));

        run.ExitCode.ShouldBe(1);
        run.StdErr.ShouldContain($"FakeAuthServer cannot start: Failed to bind to address http://127.0.0.1:{port}: address already in use.");
        run.StdErr.ShouldNotContain("Unhandled exception");
    }

    [Test]
    public async Task A_malformed_listen_address_stops_the_start_with_the_address_named()
    {
        var run = await ExternalTool.RunAsync("dotnet", [StandaloneServer.Dll, "--urls", "htp:/nonsense"], timeout: TimeSpan.FromSeconds(60));

        run.ExitCode.ShouldBe(1);
        run.StdErr.ShouldContain("FakeAuthServer cannot start: Invalid url: 'htp:/nonsense'");
        run.StdErr.ShouldNotContain("Unhandled exception");
    }
}
