using System.Text;

namespace ScenarioRunner.Running;

/// <summary>A scenario's verdict: passed, failed (with the failing step) or skipped (with the reason).</summary>
public sealed record ScenarioResult(string Name, string File, Verdict Verdict, TimeSpan Elapsed, IReadOnlyList<StepResult> Steps)
{
    /// <summary>Why the scenario was skipped, or why it could not even be read.</summary>
    public string? Reason { get; init; }

    /// <summary>The scenario's <c>description:</c>, for the narration.</summary>
    internal string Description { get; init; } = "";

    public StepResult? FailedStep => Steps.FirstOrDefault(s => s.Verdict == Verdict.Failed);

    /// <summary>A failure report: the step, expected vs actual, the exchange and the jar.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        text.Append(Name).Append(" (").Append(File).Append("): ").Append(Verdict);
        if (Reason is not null) text.Append(" — ").Append(Reason);
        if (FailedStep is { } step)
        {
            text.AppendLine().Append($"step {step.Index} (line {step.Line}) {step.Description}:");
            foreach (var failure in step.Failures) text.AppendLine().Append("  ").Append(failure);
            if (step.Exchange is { } exchange) text.AppendLine().Append(exchange);
        }
        return text.ToString();
    }
}
