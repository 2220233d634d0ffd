using System.Text.RegularExpressions;
using ScenarioRunner.Running;

namespace ScenarioRunner.Checks;

public sealed class BodyRegexCheck(string pattern, Variables variables) : ICheck
{
    public string? Verify(StepOutcome outcome)
    {
        var expanded = variables.Expand(pattern);
        return Regex.IsMatch(outcome.Body, expanded, RegexOptions.None, TimeSpan.FromSeconds(1)) ? null
            : $"body: expected to match /{expanded}/, actual '{Excerpt.Of(outcome.Body)}'";
    }
}
