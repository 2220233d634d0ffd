using ScenarioRunner.Running;

namespace ScenarioRunner.Cli;

/// <summary>One line per finished scenario on stderr (<c>[3/29] name … passed 120 ms</c>), so a long run shows it is moving.</summary>
internal sealed class ProgressLines(TextWriter errors, int total)
{
    private int _done;

    public void Report(ScenarioResult result)
    {
        _done++;
        var verdict = result.Verdict switch { Verdict.Passed => "passed", Verdict.Failed => "FAILED", _ => "skipped" };
        errors.WriteLine($"[{_done}/{total}] {result.Name} … {verdict} {result.Elapsed.TotalMilliseconds:0} ms");
        errors.Flush();
    }
}
