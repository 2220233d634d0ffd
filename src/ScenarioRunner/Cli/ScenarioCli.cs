using System.Diagnostics;
using ScenarioRunner.Running;
using Spectre.Console;

namespace ScenarioRunner.Cli;

/// <summary>The command line over any pair of writers, so tests read what a user would see.</summary>
public static class ScenarioCli
{
    public const int Passed = 0, Failed = 1, BadArguments = 2;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (!CliArguments.TryParse(args, out var options, out var problem))
        {
            await errors.WriteLineAsync(problem);
            await errors.WriteLineAsync(CliArguments.Usage);
            return BadArguments;
        }
        if (options.Help)
        {
            await output.WriteLineAsync(CliArguments.Usage);
            return Passed;
        }
        var files = ScenarioFiles.Find(options.Paths);
        if (files.Count == 0)
        {
            await errors.WriteLineAsync($"no scenario files (*.yaml) in {string.Join(", ", options.Paths)}");
            return BadArguments;
        }

        var console = ConsoleOver(output);
        var progress = new ProgressLines(errors, files.Count);
        var wall = Stopwatch.StartNew();
        var results = new List<ScenarioResult>();
        foreach (var file in files)
        {
            var result = await ScenarioExecutor.RunFileAsync(file,
                s => options.Target is { } url ? new SocketTarget(url) : new InProcessTarget(s.Server), cancellationToken: cancellationToken);
            results.Add(result);
            progress.Report(result);
            if (options.Explain) Narrator.Write(console, result);
            else if (result.Verdict == Verdict.Failed) Narrator.WriteFailure(console, result);
        }
        wall.Stop();
        SummaryTable.Write(console, results, wall.Elapsed);
        if (options.JUnitReport is { } report)
        {
            try
            {
                JUnitReport.Write(report, results, wall.Elapsed);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await errors.WriteLineAsync($"--report-junit: cannot write {report}: {e.Message}");
                return BadArguments;
            }
        }
        return results.Any(r => r.Verdict == Verdict.Failed) ? Failed : Passed;
    }

    /// <summary>Colour on a terminal; plain text, 120 columns wide, when redirected to a file, a pipe or a test's writer.</summary>
    private static IAnsiConsole ConsoleOver(TextWriter writer)
    {
        var terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = 120;
        return console;
    }
}
