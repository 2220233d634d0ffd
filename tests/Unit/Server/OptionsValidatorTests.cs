using FakeAuthServer.Options;

namespace SessionKit.Tests.Unit.Server;

public class OptionsValidatorTests
{
    private static readonly FakeAuthOptionsValidator Validator = new();

    [Test]
    public void The_defaults_are_valid() => Validator.Validate(null, new FakeAuthOptions()).Succeeded.ShouldBeTrue();

    [Test]
    public void A_zero_session_lifetime_is_refused_with_the_setting_named() =>
        Validator.Validate(null, new FakeAuthOptions { SessionLifetime = TimeSpan.Zero }).FailureMessage.ShouldNotBeNull().ShouldContain("SessionLifetime");

    [TestCase(-0.1)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void A_failure_rate_outside_zero_to_one_is_refused(double rate) =>
        Validator.Validate(null, new FakeAuthOptions { Flaky = { FailureRate = rate } }).FailureMessage.ShouldNotBeNull().ShouldContain("FailureRate");

    [Test]
    public void A_non_positive_purge_interval_is_refused() =>
        Validator.Validate(null, new FakeAuthOptions { PurgeInterval = TimeSpan.Zero }).FailureMessage.ShouldNotBeNull().ShouldContain("PurgeInterval");
}
