using BenchmarkDotNet.Attributes;
using ScenarioRunner.Running;

namespace SessionKit.Benchmarks;

/// <summary>
/// The scenario runner on one scenario, through its public API as the CLI and the NUnit cases use it: read and parse
/// the YAML file, start a fresh in-process FakeAuthServer (one per scenario, by design), run the steps, dispose.
/// Scenario 03 (the protected route needs the session cookie): 4 requests, a capture, a one-off request.
/// Every invocation must pass, so a broken scenario cannot be timed as a fast one.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15, launchCount: 1)]
public class ScenarioBenchmarks
{
    public const string ScenarioFile = "03-the-protected-route-needs-the-session-cookie.yaml";

    private string _path = null!;
    private RunSettings _settings = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(RepoScenarios.Directory(), ScenarioFile);
        if (!File.Exists(_path)) throw new InvalidOperationException($"Scenario file not found: {_path}");
        // One work directory for every run: the default makes a new temporary directory per scenario run.
        _settings = new RunSettings { WorkDirectory = Directory.CreateTempSubdirectory("bench-scenario-").FullName };
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_settings.WorkDirectory!, recursive: true);

    [Benchmark]
    public async Task<ScenarioResult> RunOneScenarioInProcess()
    {
        var result = await ScenarioExecutor.RunFileAsync(_path, s => new InProcessTarget(s.Server), _settings);
        if (result.Verdict != Verdict.Passed) throw new InvalidOperationException($"Scenario did not pass: {result}");
        return result;
    }
}

/// <summary>Finds the repository's scenarios/ folder from wherever BenchmarkDotNet runs the benchmark process.</summary>
internal static class RepoScenarios
{
    public static string Directory()
    {
        if (Environment.GetEnvironmentVariable("SESSIONKIT_SCENARIOS") is { Length: > 0 } fromEnv) return fromEnv;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SessionKit.slnx")) && System.IO.Directory.Exists(Path.Combine(dir.FullName, "scenarios")))
                return Path.Combine(dir.FullName, "scenarios");
        throw new InvalidOperationException(
            $"No scenarios/ folder above {AppContext.BaseDirectory}; set SESSIONKIT_SCENARIOS to the scenarios directory.");
    }
}
