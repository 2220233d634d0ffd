using ScenarioRunner.Model;
using ScenarioRunner.Running;

namespace ScenarioRunner.Checks;

/// <summary>The JWT at a json path of the response carries the expected claims (compared as <see cref="JsonSubsetCheck"/> does).</summary>
public sealed class JwtClaimsCheck(JwtExpectation expectation, Variables variables) : ICheck
{
    public string? Verify(StepOutcome outcome)
    {
        var where = $"jwt {expectation.Path}";
        if (JsonPaths.Read(outcome.Body, expectation.Path) is not { } token) return $"{where}: expected a token, actual absent";
        if (JwtPayload.Decode(token) is not { } claims) return $"{where}: expected a JWT, actual '{Excerpt.Of(token)}'";
        return new JsonSubsetCheck(expectation.Claims.Tree, variables).Verify(claims) is { } failure
            ? $"{where}: {failure.Replace("json $", "claims $", StringComparison.Ordinal)}"
            : null;
    }
}
