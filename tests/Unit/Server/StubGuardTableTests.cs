using FakeAuthServer.Guards;
using FakeAuthServer.Stubs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SessionKit.Tests.Unit.Server;

public class StubGuardTableTests
{
    private static StubGuardTable Table(params (string Prefix, string Rule)[] guards)
    {
        var options = new StubOptions();
        foreach (var (prefix, rule) in guards) options.Guards[prefix] = rule;
        return new StubGuardTable(Options.Create(options));
    }

    [TestCase("/account", "session")]
    [TestCase("/account/", "session")]
    [TestCase("/account/orders/7", "session")]
    [TestCase("/ACCOUNT/orders", "session")]
    [TestCase("/accounts", "open")]
    [TestCase("/v1/invoices", "bearer:invoices.read")]
    [TestCase("/v1/public/status", "open")]
    [TestCase("/elsewhere", "open")]
    public void A_path_gets_the_rule_of_the_longest_prefix_it_is_under_segment_by_segment(string path, string expected)
    {
        var table = Table(("/account", "session"), ("/v1", "bearer:invoices.read"), ("/v1/public/", "open"));

        table.For(new PathString(path)).ToString().ShouldBe(expected);
    }

    [TestCase("session", "session")]
    [TestCase(" Bearer ", "bearer")]
    [TestCase("bearer:invoices.read profile", "bearer:invoices.read profile")]
    [TestCase("OPEN", "open")]
    public void A_guard_rule_is_read_as_configuration_writes_it(string text, string expected) =>
        GuardRule.Parse(text)!.ToString().ShouldBe(expected);

    [TestCase("sesion")]
    [TestCase("bearer:")]
    [TestCase("bearer:bad\"scope")]
    [TestCase("")]
    public void A_guard_rule_that_is_none_of_the_forms_is_refused(string text) => GuardRule.Parse(text).ShouldBeNull();

    [Test]
    public void The_validator_names_a_prefix_without_a_slash_and_an_unknown_rule()
    {
        var options = new StubOptions();
        options.Guards["account"] = "session";
        options.Guards["/v1"] = "token";

        var result = new StubOptionsValidator().Validate(null, options);

        result.Failures!.ShouldBe([
            "FakeAuth:Stubs:Guards: the path prefix 'account' must start with '/'.",
            "FakeAuth:Stubs:Guards:/v1: 'token' is not session, bearer, bearer:SCOPE or open.",
        ]);
    }
}
