using System.Net;
using System.Net.Sockets;
using WireMock.Server;
using WireMock.Settings;

namespace SessionKit.Tests.Integration.Client;

internal static class LoopbackPorts
{
    /// <summary>A port free right now on <paramref name="address"/> (127.0.0.0/8 only).</summary>
    public static int Free(string address)
    {
        using var listener = new TcpListener(IPAddress.Parse(address), 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A WireMock server bound to one loopback address, and that exact base URL. (WireMock's own Url says
    /// "localhost", which is another host as far as cookies are concerned.)
    /// </summary>
    public static (WireMockServer Server, string Url) StartWireMock(string address)
    {
        var url = $"http://{address}:{Free(address)}";
        return (WireMockServer.Start(new WireMockServerSettings { Urls = [url] }), url);
    }
}
