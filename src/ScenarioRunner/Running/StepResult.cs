namespace ScenarioRunner.Running;

public enum Verdict { Passed, Failed, Skipped }

/// <summary>One step's verdict, its failures (expected vs actual) and what went over the wire.</summary>
public sealed record StepResult(int Index, int Line, string Description, Verdict Verdict, IReadOnlyList<string> Failures, ExchangeRecord? Exchange)
{
    public string? Narration { get; init; }
}
