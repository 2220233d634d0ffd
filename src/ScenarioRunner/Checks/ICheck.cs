using ScenarioRunner.Running;

namespace ScenarioRunner.Checks;

/// <summary>One assertion on a step's outcome: null when it holds, else "expected …, actual …".</summary>
public interface ICheck
{
    string? Verify(StepOutcome outcome);
}
