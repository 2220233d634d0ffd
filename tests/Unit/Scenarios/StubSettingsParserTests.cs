using ScenarioRunner.Parsing;

namespace SessionKit.Tests.Unit.Scenarios;

public class StubSettingsParserTests
{
    [Test]
    public void The_stubs_folder_is_taken_relative_to_the_scenario_file_and_the_guards_as_written()
    {
        var file = Path.Combine(Path.GetTempPath(), "suite", "30-x.yaml");

        var scenario = ScenarioParser.Parse("""
            name: x
            server:
              stubs: stubs/orders
              guards: { /account: session, /v1: "bearer:invoices.read" }
            steps:
              - request: { url: /account/orders }
            """, file);

        scenario.Server.Stubs.ShouldBe(Path.Combine(Path.GetTempPath(), "suite", "stubs", "orders"));
        scenario.Server.StubGuards.ShouldBe(new Dictionary<string, string> { ["/account"] = "session", ["/v1"] = "bearer:invoices.read" });
    }

    [Test]
    public void An_unknown_guard_rule_is_refused_where_it_is_written() =>
        Should.Throw<ScenarioFormatException>(() => ScenarioParser.Parse("""
            name: x
            server:
              stubs: stubs
              guards: { /account: sesion }
            steps:
              - request: { url: /account/orders }
            """, "s.yaml")).Message.ShouldBe("s.yaml:4:11: expected server.guards./account to be session, bearer, bearer:SCOPE or open, found 'sesion'");

    [Test]
    public void Guards_without_a_stubs_folder_are_refused() =>
        Should.Throw<ScenarioFormatException>(() => ScenarioParser.Parse("""
            name: x
            server:
              guards: { /account: session }
            steps:
              - request: { url: /account/orders }
            """, "s.yaml")).Message.ShouldContain("expected server.stubs beside server.guards");
}
