using ScenarioRunner.Cli;

namespace SessionKit.Tests.Integration.Scenarios;

/// <summary>--explain on scenario 39: the reset is a step of its own, and the 500 after it shows the count started again.</summary>
public class ResetFlakyNarrationTests
{
    [Test]
    public async Task The_reset_step_is_narrated_between_the_200_and_the_500_that_follows_it()
    {
        using var output = new StringWriter();
        var scenario = Directory.EnumerateFiles(ScenarioFolder.Path, "39-*.yaml").Single();

        (await ScenarioCli.RunAsync([scenario, "--explain"], output, TextWriter.Null, CancellationToken.None)).ShouldBe(ScenarioCli.Passed);

        var text = output.ToString();
        var reset = text.IndexOf("--- step 3 (line 11): reset /flaky — Passed", StringComparison.Ordinal);
        reset.ShouldBeGreaterThan(text.IndexOf("<-- response: 200 OK", StringComparison.Ordinal));
        text.ShouldContain("reset /flaky: its fail_first counters and seeded sequences start again");
        text.IndexOf("--- step 4", reset, StringComparison.Ordinal).ShouldBeGreaterThan(reset);
        text[text.IndexOf("--- step 4", StringComparison.Ordinal)..].ShouldContain("<-- response: 500 Internal Server Error");
    }
}
