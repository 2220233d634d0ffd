using ScenarioRunner.Model;
using ScenarioRunner.Running;

namespace ScenarioRunner.Checks;

/// <summary>A response (or content) header: present/absent, equal to, or containing a text.</summary>
public sealed class HeaderCheck(HeaderExpectation expected, Variables variables) : ICheck
{
    public string? Verify(StepOutcome outcome)
    {
        var actual = Values(outcome.Response, expected.Name);
        var name = $"header {expected.Name}";
        if (expected.Present == false) return actual is null ? null : $"{name}: expected absent, actual '{actual}'";
        if (actual is null) return $"{name}: expected present, actual absent";
        if (expected.EqualTo is { } equal && actual != variables.Expand(equal)) return $"{name}: expected '{variables.Expand(equal)}', actual '{actual}'";
        if (expected.Contains is { } part && !actual.Contains(variables.Expand(part), StringComparison.Ordinal))
            return $"{name}: expected to contain '{variables.Expand(part)}', actual '{actual}'";
        return null;
    }

    public static string? Values(HttpResponseMessage? response, string name) =>
        response is null ? null
        : response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values) : null;
}
