using ScenarioRunner.Running;

namespace ScenarioRunner.Cli;

/// <summary>
/// <c>dotnet run --project src/ScenarioRunner -- scenarios/ [--target URL] [--explain] [--report-junit FILE]</c>.
/// Exit code 0 when every scenario passed or was skipped, 1 on a failure, 2 on bad arguments.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (!CliArguments.TryParse(args, out var options, out var problem))
        {
            await Console.Error.WriteLineAsync(problem);
            await Console.Error.WriteLineAsync(CliArguments.Usage);
            return 2;
        }
        ServerEnvironment.Prepare();
        var files = ScenarioFiles.Find(options.Paths);
        if (files.Count == 0)
        {
            await Console.Error.WriteLineAsync($"no scenario files (*.yaml) in {string.Join(", ", options.Paths)}");
            return 2;
        }

        var wall = System.Diagnostics.Stopwatch.StartNew();
        var results = new List<ScenarioResult>();
        foreach (var file in files)
        {
            var result = await ScenarioExecutor.RunFileAsync(file, s => options.Target is { } url ? new SocketTarget(url) : new InProcessTarget(s.Server));
            results.Add(result);
            if (options.Explain) Narrator.Write(result);
            else if (result.Verdict == Verdict.Failed) Narrator.WriteFailure(result);
        }
        wall.Stop();
        SummaryTable.Write(results, wall.Elapsed);
        if (options.JUnitReport is { } report) JUnitReport.Write(report, results, wall.Elapsed);
        return results.Any(r => r.Verdict == Verdict.Failed) ? 1 : 0;
    }
}
