namespace ScenarioRunner.Running;

/// <summary>A step that cannot go on (an unknown variable, a missing file): reported as the step's failure.</summary>
public sealed class StepFailure(string message) : Exception(message);
