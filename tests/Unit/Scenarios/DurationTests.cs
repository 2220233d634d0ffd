using ScenarioRunner.Parsing;

namespace SessionKit.Tests.Unit.Scenarios;

public class DurationTests
{
    [TestCase("31m", 31 * 60_000)]
    [TestCase("1h30m", 90 * 60_000)]
    [TestCase("10s", 10_000)]
    [TestCase("250ms", 250)]
    [TestCase("1m30s", 90_000)]
    [TestCase("00:05:00", 5 * 60_000)]
    public void Parses(string text, int milliseconds)
    {
        Duration.TryParse(text, out var value).ShouldBeTrue();
        value.ShouldBe(TimeSpan.FromMilliseconds(milliseconds));
    }

    [TestCase("")]
    [TestCase("soon")]
    [TestCase("5 minutes")]
    [TestCase("-1m")]
    public void Refuses(string text) => Duration.TryParse(text, out _).ShouldBeFalse();
}
