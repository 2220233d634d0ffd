using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SessionKit.Tests.Integration.Standalone;

namespace SessionKit.Tests.Integration.Httpbin;

/// <summary>
/// Debian's httpbin 0.7.0 (<c>python3 -m httpbin.core</c>) as a child process on a free loopback port; the
/// reference the differential tests compare FakeAuthServer against. Missing and not installable: inconclusive
/// locally, a failure in CI (ExternalTool).
/// </summary>
public sealed class HttpbinProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly Process _process;
    private readonly StringWriter _output = new();

    private HttpbinProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static async Task<HttpbinProcess> StartAsync()
    {
        var python = await ExternalTool.HttpbinPythonAsync();
        var port = FreePort();
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-m", "httpbin.core", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            start.ArgumentList.Add(arg);
        var process = new Process { StartInfo = start };
        var httpbin = new HttpbinProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => httpbin.Append(e.Data);
        process.ErrorDataReceived += (_, e) => httpbin.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Bounded: poll the port until it accepts, the process dies, or the start timeout passes.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout && !process.HasExited)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return httpbin;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        var output = httpbin.Output;
        await httpbin.DisposeAsync();
        throw new InvalidOperationException($"httpbin did not start on port {port}:\n{output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.WriteLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
