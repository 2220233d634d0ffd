using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SessionKit.Tests.Integration.Standalone;

namespace SessionKit.Tests.Integration.Redis;

/// <summary>
/// A throwaway redis-server (Debian's) on a free 127.0.0.1 port, in memory only (no RDB, no AOF), killed on
/// dispose. <see cref="StopAsync"/> and <see cref="StartAgainAsync"/> simulate an outage on the same port.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _executable;
    private Process? _process;

    private RedisServer(string executable, int port)
    {
        _executable = executable;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(await ExternalTool.RedisServerAsync(), FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>A port nobody listens on (for "Redis is down at start").</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in (string[])["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                     "--protected-mode", "yes"])
            start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        for (var attempt = 0; attempt < 100; attempt++) // bounded: 10 s
        {
            if (_process.HasExited) throw new InvalidOperationException($"redis-server exited at start (code {_process.ExitCode}).");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"redis-server did not listen on {Configuration} within 10 s.");
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
