namespace ScenarioRunner.Running.Tracing;

/// <summary>A line the session logged during the step, as SessionClient wrote it.</summary>
internal sealed record LogNote(string Text) : TraceEntry;
