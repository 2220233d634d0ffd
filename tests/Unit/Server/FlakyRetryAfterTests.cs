using FakeAuthServer.Flaky;

namespace SessionKit.Tests.Unit.Server;

public class FlakyRetryAfterTests
{
    [TestCase("0", "0")]
    [TestCase("2", "2")]
    [TestCase("0120", "120")]
    [TestCase("3600", "3600")]
    [TestCase("Sun, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMT")]
    [TestCase("Sunday, 06-Nov-94 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMT")]
    [TestCase("Sun Nov  6 08:49:37 1994", "Sun, 06 Nov 1994 08:49:37 GMT")]
    [TestCase("Thu, 01 Jan 2026 12:00:00 GMT", "Thu, 01 Jan 2026 12:00:00 GMT")]
    public void Seconds_and_http_dates_are_accepted_and_normalized(string given, string sent)
    {
        RetryAfterValue.TryNormalize(given, out var normalized).ShouldBeTrue();
        normalized.ShouldBe(sent);
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("-1")]
    [TestCase("+5")]
    [TestCase("1.5")]
    [TestCase("3601")]
    [TestCase("99999999999999")]
    [TestCase("soon")]
    [TestCase("Mon, 06 Nov 1994 08:49:37 GMT")]
    [TestCase("Sun, 06 Nov 1994 08:49:37 PST")]
    [TestCase("Sun, 31 Feb 1994 08:49:37 GMT")]
    [TestCase("2026-01-01T12:00:00Z")]
    [TestCase("1/1/2026")]
    public void Anything_else_is_refused(string given) =>
        RetryAfterValue.TryNormalize(given, out _).ShouldBeFalse();
}
