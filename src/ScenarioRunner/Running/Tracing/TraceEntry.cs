namespace ScenarioRunner.Running.Tracing;

/// <summary>
/// One thing that happened while a step ran, in the order it happened: an exchange on the wire or a line the
/// session logged between two of them (urllib3's retry line, the wait before the next attempt).
/// </summary>
internal abstract record TraceEntry;
