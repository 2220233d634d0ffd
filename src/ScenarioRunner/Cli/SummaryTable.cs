using ScenarioRunner.Running;
using Spectre.Console;

namespace ScenarioRunner.Cli;

/// <summary>One row per scenario with its verdict and time, then the totals and the wall time.</summary>
public static class SummaryTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<ScenarioResult> results, TimeSpan wall)
    {
        var table = new Table().AddColumn("scenario").AddColumn("result").AddColumn(new TableColumn("time").RightAligned()).AddColumn("note");
        foreach (var r in results)
        {
            var verdict = r.Verdict switch
            {
                Verdict.Passed => "[green]passed[/]",
                Verdict.Failed => "[red]FAILED[/]",
                _ => "[yellow]skipped[/]",
            };
            var note = r.Reason ?? (r.FailedStep is { } s ? $"step {s.Index}: {s.Failures.FirstOrDefault()}" : "");
            table.AddRow(Markup.Escape(r.Name), verdict, $"{r.Elapsed.TotalMilliseconds:0} ms", Markup.Escape(note));
        }
        console.Write(table);
        console.MarkupLine(
            $"{results.Count(r => r.Verdict == Verdict.Passed)} passed, {results.Count(r => r.Verdict == Verdict.Failed)} failed, " +
            $"{results.Count(r => r.Verdict == Verdict.Skipped)} skipped in {wall.TotalSeconds:0.00} s wall time");
    }
}
