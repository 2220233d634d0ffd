using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SessionKit.Tests.Integration.Standalone;

/// <summary>
/// The real FakeAuthServer binary as a child process on a loopback port chosen by the OS (--urls
/// http://127.0.0.1:0); the port is read from the server's own "Now listening on" line.
/// </summary>
public sealed partial class StandaloneServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private StandaloneServer(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Everything the server printed so far.</summary>
    public string Output => string.Join('\n', _output);

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    /// <summary>The server as the tests build it, beside them: for tests that run it themselves (a start that must fail).</summary>
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "FakeAuthServer.dll");

    public static async Task<StandaloneServer> StartAsync(params string[] extraArgs)
    {
        var dll = Dll;
        File.Exists(dll).ShouldBeTrue($"{dll} should be built beside the tests");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(), // proves the server finds its appsettings.json from anywhere
        };
        foreach (var arg in (string[])[dll, "--urls", "http://127.0.0.1:0", .. extraArgs]) start.ArgumentList.Add(arg);

        var server = new StandaloneServer(new Process { StartInfo = start, EnableRaisingEvents = true });
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            server._output.Enqueue(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value));
        }
        server._process.OutputDataReceived += OnLine;
        server._process.ErrorDataReceived += OnLine;
        server._process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The server exited during start-up."));
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();

        try
        {
            server.BaseAddress = await listening.Task.WaitAsync(StartTimeout);
        }
        catch (Exception e)
        {
            var output = server.Output;
            await server.DisposeAsync();
            throw new InvalidOperationException($"FakeAuthServer did not start: {e.Message}\n{output}", e);
        }
        return server;
    }

    /// <summary>Waits (bounded) until the server's output contains <paramref name="text"/>.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (Output.Contains(text, StringComparison.Ordinal)) return true;
            await Task.Delay(50);
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
