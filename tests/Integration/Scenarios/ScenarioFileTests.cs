using ScenarioRunner.Running;

namespace SessionKit.Tests.Integration.Scenarios;

/// <summary>Every scenarios/*.yaml is one test case, run against its own in-process FakeAuthServer.</summary>
public class ScenarioFileTests
{
    public static IEnumerable<TestCaseData> Files() =>
        Directory.EnumerateFiles(ScenarioFolder.Path, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetName(Path.GetFileNameWithoutExtension(f)));

    [Test]
    public void There_are_scenarios_to_run() => Files().Count().ShouldBeGreaterThanOrEqualTo(25);

    [TestCaseSource(nameof(Files))]
    public async Task Scenario_passes_in_process(string file)
    {
        var result = await ScenarioExecutor.RunFileAsync(file, s => new InProcessTarget(s.Server));

        if (result.Verdict == Verdict.Skipped) Assert.Ignore(result.Reason ?? "skipped");
        result.Verdict.ShouldBe(Verdict.Passed, result.Report());
    }
}
