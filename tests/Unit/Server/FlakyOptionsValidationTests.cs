using FakeAuthServer.Flaky;
using FakeAuthServer.Options;

namespace SessionKit.Tests.Unit.Server;

/// <summary>A bad FakeAuth:Flaky setting stops the server at start, with the setting named.</summary>
public class FlakyOptionsValidationTests
{
    private static readonly FakeAuthOptionsValidator Validator = new();

    private static string? FailureOf(Action<FlakyOptions> configure)
    {
        var options = new FakeAuthOptions();
        configure(options.Flaky);
        return Validator.Validate(null, options).FailureMessage;
    }

    public static IEnumerable<TestCaseData> BadSettings() =>
    [
        new TestCaseData((Action<FlakyOptions>)(f => f.FailFirst = -1), "FailFirst").SetName("negative FailFirst"),
        new TestCaseData((Action<FlakyOptions>)(f => f.Status = 200), "Status").SetName("Status 200"),
        new TestCaseData((Action<FlakyOptions>)(f => f.Status = 501), "Status").SetName("Status 501"),
        new TestCaseData((Action<FlakyOptions>)(f => f.RetryAfter = "later"), "RetryAfter").SetName("RetryAfter not seconds or a date"),
        new TestCaseData((Action<FlakyOptions>)(f => f.Delay = TimeSpan.FromSeconds(-1)), "Delay").SetName("negative Delay"),
        new TestCaseData((Action<FlakyOptions>)(f => f.Delay = TimeSpan.FromSeconds(11)), "Delay").SetName("Delay over 10 s"),
        new TestCaseData((Action<FlakyOptions>)(f => f.Mode = (FlakyMode)7), "Mode").SetName("undefined Mode"),
    ];

    [TestCaseSource(nameof(BadSettings))]
    public void A_bad_flaky_setting_is_refused_by_name(Action<FlakyOptions> configure, string setting) =>
        FailureOf(configure).ShouldNotBeNull().ShouldContain("FakeAuth:Flaky:" + setting);

    public static IEnumerable<TestCaseData> GoodSettings() =>
    [
        new TestCaseData((Action<FlakyOptions>)(_ => { })).SetName("the defaults"),
        new TestCaseData((Action<FlakyOptions>)(f => f.FailFirst = 0)).SetName("FailFirst 0"),
        new TestCaseData((Action<FlakyOptions>)(f => f.Status = 429)).SetName("Status 429"),
        new TestCaseData((Action<FlakyOptions>)(f => f.RetryAfter = "")).SetName("RetryAfter empty, as configuration binds null"),
        new TestCaseData((Action<FlakyOptions>)(f => f.RetryAfter = "Sun, 06 Nov 1994 08:49:37 GMT")).SetName("RetryAfter an HTTP date"),
        new TestCaseData((Action<FlakyOptions>)(f => f.Delay = TimeSpan.FromSeconds(10))).SetName("Delay 10 s"),
        new TestCaseData((Action<FlakyOptions>)(f => f.Mode = FlakyMode.Reset)).SetName("Mode Reset"),
    ];

    [TestCaseSource(nameof(GoodSettings))]
    public void A_sensible_flaky_setting_is_accepted(Action<FlakyOptions> configure) =>
        FailureOf(configure).ShouldBeNull();
}
