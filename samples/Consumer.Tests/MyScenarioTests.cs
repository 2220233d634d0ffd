using NUnit.Framework;
using ScenarioRunner.Running;

namespace Consumer.Tests;

/// <summary>The user's own YAML scenarios, each an NUnit case, against the fake server in-process.</summary>
public class MyScenarioTests
{
    private static IEnumerable<TestCaseData> Files() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(file => new TestCaseData(file).SetName(Path.GetFileNameWithoutExtension(file)));

    [TestCaseSource(nameof(Files))]
    public async Task Scenario_passes(string file)
    {
        var result = await ScenarioExecutor.RunFileAsync(file, s => new InProcessTarget(s.Server));

        if (result.Verdict == Verdict.Skipped) Assert.Ignore(result.Reason ?? "skipped");
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Report());
    }
}
