using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SessionKit.Tests.Integration.Redis;

/// <summary>
/// Counts the commands clients send to a redis-server, as the server sees them (MONITOR): each one is a round trip
/// of its own, while the commands a Lua script runs inside the server (shown as "[0 lua]") are not counted.
/// Connection housekeeping (PING, ECHO, INFO, CLIENT…) is left out. <see cref="CountAsync"/> brackets an action
/// with two ECHO marks, so only what the server executed between them is counted.
/// </summary>
public sealed class RedisCommandMonitor : IAsyncDisposable
{
    private static readonly HashSet<string> Housekeeping =
        new(["PING", "ECHO", "INFO", "CLIENT", "CLUSTER", "CONFIG", "SUBSCRIBE", "COMMAND", "HELLO", "SELECT"], StringComparer.OrdinalIgnoreCase);

    private readonly TcpClient _monitor;
    private readonly TcpClient _marker;
    private readonly BlockingCollection<string> _lines = new();
    private readonly Task _reader;

    private RedisCommandMonitor(TcpClient monitor, TcpClient marker)
    {
        _monitor = monitor;
        _marker = marker;
        _reader = Task.Run(ReadLoop);
    }

    public static async Task<RedisCommandMonitor> StartAsync(RedisServer redis)
    {
        var monitor = new TcpClient();
        await monitor.ConnectAsync(IPAddress.Loopback, redis.Port);
        await monitor.GetStream().WriteAsync("MONITOR\r\n"u8.ToArray());
        var marker = new TcpClient();
        await marker.ConnectAsync(IPAddress.Loopback, redis.Port);
        var started = new RedisCommandMonitor(monitor, marker);
        await started.WaitForAsync("+OK");
        return started;
    }

    /// <summary>The client commands the server ran while <paramref name="action"/> ran, by name (EVALSHA, GET…).</summary>
    public async Task<IReadOnlyList<string>> CountAsync(Func<Task> action)
    {
        var id = Guid.NewGuid().ToString("N");
        await MarkAsync("start-" + id);
        await action();
        await MarkAsync("end-" + id);
        var commands = new List<string>();
        var inside = false;
        while (true)
        {
            var line = Take();
            if (line.Contains($"\"start-{id}\"", StringComparison.Ordinal)) { inside = true; continue; }
            if (line.Contains($"\"end-{id}\"", StringComparison.Ordinal)) return commands;
            if (!inside || line.Contains("[0 lua]", StringComparison.Ordinal) || CommandOf(line) is not { } command) continue;
            if (!Housekeeping.Contains(command)) commands.Add(command.ToUpperInvariant());
        }
    }

    private async Task MarkAsync(string text)
    {
        var stream = _marker.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"ECHO {text}\r\n"));
        var buffer = new byte[256];
        _ = await stream.ReadAsync(buffer); // the echo's reply: the server has executed it
    }

    private async Task WaitForAsync(string prefix)
    {
        await Task.Yield();
        while (!Take().StartsWith(prefix, StringComparison.Ordinal))
        {
        }
    }

    private string Take() =>
        _lines.TryTake(out var line, TimeSpan.FromSeconds(10)) ? line : throw new TimeoutException("MONITOR went quiet for 10 s.");

    /// <summary>`+1700000000.123456 [0 127.0.0.1:5000] "EVALSHA" "…"` → EVALSHA.</summary>
    private static string? CommandOf(string line)
    {
        var close = line.IndexOf("] \"", StringComparison.Ordinal);
        if (close < 0) return null;
        var start = close + 3;
        var end = line.IndexOf('"', start);
        return end > start ? line[start..end] : null;
    }

    private async Task ReadLoop()
    {
        try
        {
            using var reader = new StreamReader(_monitor.GetStream(), Encoding.UTF8);
            while (await reader.ReadLineAsync() is { } line) _lines.Add(line);
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            _lines.CompleteAdding();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _monitor.Dispose();
        _marker.Dispose();
        await _reader.WaitAsync(TimeSpan.FromSeconds(10));
        _lines.Dispose();
    }
}
