using ScenarioRunner.Running.Tracing;

namespace ScenarioRunner.Running;

public enum Verdict { Passed, Failed, Skipped }

/// <summary>One step's verdict, its failures (expected vs actual) and what went over the wire.</summary>
public sealed record StepResult(int Index, int Line, string Description, Verdict Verdict, IReadOnlyList<string> Failures, ExchangeRecord? Exchange)
{
    public string? Narration { get; init; }

    /// <summary>The session the step used (null for a clock advance); a one-off step names the session it stood beside.</summary>
    internal string? Session { get; init; }

    /// <summary>Sent from a throwaway session: its jar is the one-off jar, not <see cref="Session"/>'s.</summary>
    internal bool OneOff { get; init; }

    /// <summary>Every attempt and hop on the wire, with the session's log lines between them.</summary>
    internal IReadOnlyList<TraceEntry> Trace { get; init; } = [];

    /// <summary>The final response's whole body (the report's excerpt is cut), so secrets can be masked before it is cut.</summary>
    internal string? ResponseBody { get; init; }

    internal IReadOnlyList<CapturedValue> Captured { get; init; } = [];
}
