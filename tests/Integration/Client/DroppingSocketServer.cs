using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SessionKit.Tests.Integration.Client;

/// <summary>
/// A loopback server that reads each request and then, for the first <c>drops</c> connections, closes the socket
/// without answering (a read error for the client); later ones get a 200. Bounded: it stops after <c>maxConnections</c>.
/// </summary>
internal sealed class DroppingSocketServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public DroppingSocketServer(int drops, int maxConnections = 20)
    {
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _loop = Task.Run(async () =>
        {
            for (var i = 0; i < maxConnections && !_stop.IsCancellationRequested; i++)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                var stream = client.GetStream();
                await ReadHeadersAsync(stream, _stop.Token);
                if (i < drops)
                {
                    client.Client.LingerState = new LingerOption(true, 0); // RST, not a polite FIN
                    continue;
                }
                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\nrecovered"u8.ToArray(), _stop.Token);
            }
        });
    }

    public string Url { get; }
    public int Connections => Volatile.Read(ref _connections);

    private static async Task ReadHeadersAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var seen = new StringBuilder();
        var buffer = new byte[4096];
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0) return;
            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopping
        }
    }
}
