using System.Diagnostics;
using ScenarioRunner.Running;

namespace ScenarioRunner.Cli;

/// <summary>One run of the command line: every scenario file in turn, progress on stderr, then the summary and the report.</summary>
internal static class ScenarioRun
{
    public static async Task<int> RunAsync(CommandLineRequest settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        // A mistyped path is named as such, as ls would, rather than lumped in with folders that hold no scenario.
        var missing = settings.Paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        foreach (var path in missing) await errors.WriteLineAsync($"{path}: no such file or directory");
        if (missing.Count > 0) return ScenarioCli.BadArguments;

        var files = ScenarioFiles.Find(settings.Paths);
        if (files.Count == 0)
        {
            await errors.WriteLineAsync($"no scenario files (*.yaml) in {string.Join(", ", settings.Paths)}");
            return ScenarioCli.BadArguments;
        }

        if (settings.Target is { } target) await AdminOffWarning.WriteIfOffAsync(target, files, errors, cancellationToken);
        var console = ReportConsole.Over(output);
        var progress = new ProgressLines(errors, files.Count);
        var wall = Stopwatch.StartNew();
        IReadOnlyList<ScenarioResult> results;
        // In-process, each scenario has a server of its own, so several can run at once. A shared target's state
        // (sessions, lockouts, the clock) is not theirs to share, and narration reads best in order.
        if (settings.Parallel > 1 && settings.Target is null && !settings.Explain)
        {
            results = await RunAtOnceAsync(files, settings.Parallel, progress, cancellationToken);
            foreach (var failed in results.Where(r => r.Verdict == Verdict.Failed)) Narrator.WriteFailure(console, failed);
        }
        else
        {
            var inTurn = new List<ScenarioResult>();
            foreach (var file in files)
            {
                var result = await ScenarioExecutor.RunFileAsync(file,
                    s => settings.Target is { } url ? new SocketTarget(url) : new InProcessTarget(s.Server), cancellationToken: cancellationToken);
                inTurn.Add(result);
                progress.Report(result);
                if (settings.Explain) Narrator.Write(console, result, settings.ShowSecrets);
                else if (result.Verdict == Verdict.Failed) Narrator.WriteFailure(console, result);
            }
            results = inTurn;
        }
        wall.Stop();
        SummaryTable.Write(console, results, wall.Elapsed);
        if (settings.JUnitReport is { } report)
        {
            try
            {
                JUnitReport.Write(report, results, wall.Elapsed);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await errors.WriteLineAsync($"--report-junit: cannot write {report}: {e.Message}");
                return ScenarioCli.BadArguments;
            }
        }
        if (settings.HtmlReport is { } html)
        {
            try
            {
                HtmlReport.Write(html, results, wall.Elapsed, settings.ShowSecrets);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await errors.WriteLineAsync($"--report-html: cannot write {html}: {e.Message}");
                return ScenarioCli.BadArguments;
            }
        }
        return results.Any(r => r.Verdict == Verdict.Failed) ? ScenarioCli.Failed : ScenarioCli.Passed;
    }

    /// <summary>Up to <paramref name="atOnce"/> scenarios at a time; progress as each ends, results in file order.</summary>
    private static async Task<ScenarioResult[]> RunAtOnceAsync(IReadOnlyList<string> files, int atOnce, ProgressLines progress,
        CancellationToken cancellationToken)
    {
        var results = new ScenarioResult[files.Count];
        var reporting = new Lock();
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count),
            new ParallelOptions { MaxDegreeOfParallelism = atOnce, CancellationToken = cancellationToken }, async (i, token) =>
            {
                results[i] = await ScenarioExecutor.RunFileAsync(files[i], s => new InProcessTarget(s.Server), cancellationToken: token);
                lock (reporting) progress.Report(results[i]);
            });
        return results;
    }
}
