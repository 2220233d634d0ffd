using ScenarioRunner.Running;

namespace ScenarioRunner.Checks;

public sealed class BodyContainsCheck(string expected, Variables variables) : ICheck
{
    public string? Verify(StepOutcome outcome)
    {
        var text = variables.Expand(expected);
        return outcome.Body.Contains(text, StringComparison.Ordinal) ? null
            : $"body: expected to contain '{text}', actual '{Excerpt.Of(outcome.Body)}'";
    }
}
