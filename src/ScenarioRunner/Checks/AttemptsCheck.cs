using ScenarioRunner.Running;

namespace ScenarioRunner.Checks;

/// <summary>Requests that reached the transport during the step: retries and redirect hops each count.</summary>
public sealed class AttemptsCheck(int expected) : ICheck
{
    public string? Verify(StepOutcome outcome) =>
        outcome.Attempts == expected ? null : $"attempts: expected {expected}, actual {outcome.Attempts}";
}
