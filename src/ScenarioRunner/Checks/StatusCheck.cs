using ScenarioRunner.Running;

namespace ScenarioRunner.Checks;

public sealed class StatusCheck(int expected) : ICheck
{
    public string? Verify(StepOutcome outcome) =>
        outcome.Response is not { } response ? $"status: expected {expected}, actual no response"
        : (int)response.StatusCode == expected ? null
        : $"status: expected {expected}, actual {(int)response.StatusCode}";
}
