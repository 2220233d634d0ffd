using System.Text.Json;
using ScenarioRunner.Parsing;

namespace SessionKit.Tests.Unit.Scenarios;

/// <summary><c>resetFlaky: true</c>: a step that starts /flaky's counters again.</summary>
public class ResetFlakyStepTests
{
    private static string? ErrorOf(string yaml)
    {
        try
        {
            ScenarioParser.Parse(yaml, "s.yaml");
            return null;
        }
        catch (ScenarioFormatException e)
        {
            return e.Message;
        }
    }

    [Test]
    public void Reset_flaky_true_is_a_step_of_its_own()
    {
        var step = ScenarioParser.Parse("""
            name: x
            steps:
              - resetFlaky: true
            """, "s.yaml").Steps.Single();

        step.ResetFlaky.ShouldBeTrue();
        step.Request.ShouldBeNull();
        step.Describe().ShouldBe("reset /flaky");
    }

    [TestCase("false")]
    [TestCase("yes")]
    [TestCase("{ counters: all }")]
    public void Anything_but_true_is_refused_where_it_is_written(string value) =>
        ErrorOf($"""
            name: x
            steps:
              - resetFlaky: {value}
            """).ShouldNotBeNull().ShouldContain("s.yaml:3:17: expected resetFlaky: true");

    [Test]
    public void Reset_flaky_beside_a_request_is_two_actions() =>
        ErrorOf("""
            name: x
            steps:
              - resetFlaky: true
                request: { url: /flaky }
            """).ShouldNotBeNull().ShouldContain("exactly one of request, advance, resetFlaky, saveCookies, loadCookies, found 2");

    [Test]
    public void Reset_flaky_takes_no_expect() =>
        ErrorOf("""
            name: x
            steps:
              - resetFlaky: true
                expect: { status: 200 }
            """).ShouldNotBeNull().ShouldContain("expected expect, capture and expectError only on a request step");

    [Test]
    public void The_schema_knows_the_step_and_allows_only_true()
    {
        var root = TestContext.CurrentContext.TestDirectory;
        while (!File.Exists(Path.Combine(root, "SessionKit.slnx"))) root = Path.GetDirectoryName(root)!;
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "scenarios", "scenario.schema.json")));
        var step = schema.RootElement.GetProperty("$defs").GetProperty("step");

        step.GetProperty("properties").GetProperty("resetFlaky").GetProperty("const").GetBoolean().ShouldBeTrue();
        step.GetProperty("oneOf").EnumerateArray().Select(o => o.GetProperty("required")[0].GetString()).ShouldContain("resetFlaky");
    }
}
