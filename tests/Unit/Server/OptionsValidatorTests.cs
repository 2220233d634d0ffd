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

    [Test]
    public void A_zero_session_bound_is_refused_with_the_setting_named() =>
        Validator.Validate(null, new FakeAuthOptions { MaxSessions = 0 }).FailureMessage.ShouldNotBeNull().ShouldContain("MaxSessions");

    [Test]
    public void A_zero_body_limit_is_refused_with_the_setting_named() =>
        Validator.Validate(null, new FakeAuthOptions { MaxRequestBodyBytes = 0 }).FailureMessage.ShouldNotBeNull().ShouldContain("MaxRequestBodyBytes");

    [Test]
    public void A_non_positive_idle_timeout_is_refused() =>
        Validator.Validate(null, new FakeAuthOptions { IdleTimeout = TimeSpan.Zero }).FailureMessage.ShouldNotBeNull().ShouldContain("IdleTimeout");

    [Test]
    public void A_two_factor_secret_that_is_not_base32_is_refused_naming_the_user() =>
        Validator.Validate(null, new FakeAuthOptions { TwoFactor = { ["alice"] = "not base32!" } }).FailureMessage.ShouldNotBeNull()
            .ShouldContain("TwoFactor:alice");

    [Test]
    public void Lockout_admin_and_redis_settings_are_checked_by_validators_of_the_same_shape()
    {
        new FakeAuthServer.Auth.Lockout.LockoutOptionsValidator().Validate(null, new() { MaxFailures = 0 }).FailureMessage.ShouldNotBeNull()
            .ShouldContain("FakeAuth:Lockout");
        new FakeAuthServer.Admin.AdminOptionsValidator().Validate(null, new() { JournalSize = 0 }).FailureMessage.ShouldNotBeNull()
            .ShouldContain("JournalSize");
        new FakeAuthServer.Redis.RedisOptionsValidator().Validate(null, new() { KeyPrefix = "", Timeout = TimeSpan.Zero }).FailureMessage
            .ShouldNotBeNull().ShouldContain("KeyPrefix");
    }
}
