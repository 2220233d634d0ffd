using System.Diagnostics;

namespace SessionKit.Tests.Integration.Standalone;

/// <summary>
/// Runs the non-.NET programs the tests need (curl, python3 with requests, redis-server). A missing one is installed from
/// Debian's packages when the tests run as root; otherwise the test is inconclusive locally and fails in CI.
/// </summary>
public static class ExternalTool
{
    public record Result(int ExitCode, string StdOut, string StdErr);

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static async Task<Result> RunAsync(string file, IEnumerable<string> args,
        IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in time.");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The path of a python3 that can import requests.</summary>
    public static Task<string> PythonWithRequestsAsync() =>
        EnsureAsync(["python3", "/usr/bin/python3"], ["-c", "import requests"], "python3-requests");

    public static Task<string> CurlAsync() => EnsureAsync(["curl"], ["--version"], "curl");

    /// <summary>Debian's redis-server, for the scale-out tests (two FakeAuthServer instances sharing state).</summary>
    public static Task<string> RedisServerAsync() => EnsureAsync(["redis-server", "/usr/bin/redis-server"], ["--version"], "redis-server");

    /// <summary>Debian's chromium (never a browser Playwright downloads).</summary>
    public static Task<string> ChromiumAsync() => EnsureAsync(["/usr/bin/chromium"], ["--version"], "chromium");

    /// <summary>Debian's python3 with Debian's httpbin 0.7.0 (python3-httpbin), the reference for the differential tests.</summary>
    public static Task<string> HttpbinPythonAsync() =>
        EnsureAsync(["/usr/bin/python3"], ["-c", "import httpbin.core"], "python3-httpbin");

    /// <summary>Debian's python3 with PyJWT (python3-jwt), a relying party no one here wrote.</summary>
    public static Task<string> PythonWithJwtAsync() => EnsureAsync(["/usr/bin/python3"], ["-c", "import jwt"], "python3-jwt");

    private static async Task<string> EnsureAsync(string[] candidates, string[] probe, string aptPackage)
    {
        if (await FindAsync(candidates, probe) is { } found) return found;

        await InstallLock.WaitAsync();
        try
        {
            if (await FindAsync(candidates, probe) is { } raced) return raced;
            if (Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
            {
                await RunAsync("/bin/sh", ["-c", $"apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq {aptPackage}"],
                    timeout: TimeSpan.FromMinutes(5));
                if (await FindAsync(candidates, probe) is { } installed) return installed;
            }
        }
        finally
        {
            InstallLock.Release();
        }

        var message = $"{candidates[0]} ({aptPackage}) is needed and could not be installed; .ci/run installs it with apt-get.";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(message);
        Assert.Inconclusive(message);
        return "";
    }

    private static async Task<string?> FindAsync(string[] candidates, string[] probe)
    {
        foreach (var candidate in candidates)
        {
            try
            {
                if ((await RunAsync(candidate, probe, timeout: TimeSpan.FromSeconds(30))).ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not on PATH
            }
        }
        return null;
    }
}
