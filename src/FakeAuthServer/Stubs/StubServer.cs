using WireMock.Handlers;
using WireMock.Server;
using WireMock.Settings;
using System.Net;
using System.Net.Sockets;

namespace FakeAuthServer.Stubs;

/// <summary>
/// The WireMock.Net server behind the fake: on a free loopback port (WireMock binds it as localhost: 127.0.0.1 and
/// ::1), without its admin interface, with the mapping
/// files of a folder and any mappings set up in code. The fake forwards what no route of its own answers to it
/// (<see cref="StubForwarding"/>); register one as a singleton and <c>UseFakeAuthServer</c> does the rest.
/// </summary>
public sealed class StubServer : IDisposable
{
    /// <summary>How many requests <c>WireMock.LogEntries</c> keeps, the newest.</summary>
    private const int MaxLoggedRequests = 1000;

    private StubServer(WireMockServer wireMock, Uri address)
    {
        WireMock = wireMock;
        Address = address; // WireMock reports it as localhost; the forwarder should not try ::1 first
    }

    /// <summary>The WireMock server, for more mappings or for <c>LogEntries</c> in a test.</summary>
    public WireMockServer WireMock { get; }

    /// <summary>Where it listens (http://127.0.0.1:PORT); the fake's guards stand in front of it, nothing else does.</summary>
    public Uri Address { get; }

    /// <summary>
    /// Starts WireMock and loads <paramref name="mappingsFolder"/>'s *.json files, then runs each of
    /// <paramref name="configure"/>. A bad mapping file throws <see cref="StubMappingException"/> naming it.
    /// </summary>
    public static StubServer Start(string? mappingsFolder = null, IEnumerable<Action<WireMockServer>>? configure = null)
    {
        var files = new LocalFileSystemHandler();
        var address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var wireMock = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [address.ToString().TrimEnd('/')],
            StartAdminInterface = false,
            ReadStaticMappings = false,
            FileSystemHandler = files,
            // WireMock keeps every request in its log unless told otherwise: a long-running fake would grow without end.
            MaxRequestLogCount = MaxLoggedRequests,
        });
        try
        {
            if (mappingsFolder is not null) StubMappingFiles.Load(wireMock, files, mappingsFolder);
            foreach (var setup in configure ?? []) setup(wireMock);
            return new StubServer(wireMock, address);
        }
        catch
        {
            wireMock.Dispose();
            throw;
        }
    }

    /// <summary>Every WireMock scenario back to its start state (the admin API's reset calls this).</summary>
    internal void ResetScenarios() => WireMock.ResetScenarios();

    public void Dispose() => WireMock.Dispose();

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
