using ScenarioRunner.Model;
using ScenarioRunner.Parsing;

namespace SessionKit.Tests.Unit.Scenarios;

public class ScenarioParserTests
{
    [Test]
    public void A_scenario_without_sessions_gets_the_default_one_and_typed_steps()
    {
        var scenario = ScenarioParser.Parse("""
            name: typed
            server: { sessionLifetime: 5m, users: { bob: builder } }
            steps:
              - request: { method: post, url: /api/login, json: { n: 1, s: "1" }, retry: { total: 3, statusForcelist: [500] } }
                expect: { status: 200, cookies: { user_id: { maxAge: 5m, httpOnly: true } } }
                capture: { id: { cookie: user_id } }
            """, "typed.yaml");

        scenario.Sessions.Keys.ShouldBe([SessionSettings.DefaultName]);
        scenario.Server.SessionLifetime.ShouldBe(TimeSpan.FromMinutes(5));
        var request = scenario.Steps[0].Request!;
        request.Method.ShouldBe("POST");
        request.Json.ShouldBe("""{"n":1,"s":"1"}""");
        request.Retry!.StatusForcelist.ShouldBe([500]);
        scenario.Steps[0].Expect!.Cookies[0].MaxAge.ShouldBe(TimeSpan.FromMinutes(5));
        scenario.Steps[0].Captures.ShouldBe([new CaptureSpec("id", CaptureSource.Cookie, "user_id")]);
    }

    [Test]
    public void A_regex_beside_a_header_capture_narrows_the_header_and_server_takes_idle_timeout_and_two_factor()
    {
        var scenario = ScenarioParser.Parse("""
            name: narrowed
            server: { idleTimeout: 10m, twoFactor: { alice: JBSWY3DPEHPK3PXP } }
            steps:
              - request: { url: /oauth/authorize }
                capture: { code: { header: Location, regex: "code=([^&]+)" } }
            """, "narrowed.yaml");

        scenario.Steps[0].Captures.ShouldBe([new CaptureSpec("code", CaptureSource.Header, "Location", "code=([^&]+)")]);
        scenario.Server.IdleTimeout.ShouldBe(TimeSpan.FromMinutes(10));
        scenario.Server.TwoFactor.ShouldBe(new Dictionary<string, string> { ["alice"] = "JBSWY3DPEHPK3PXP" });
        scenario.Server.InProcessOnlySettings().ShouldBe(["idleTimeout"]);
    }

    [Test]
    public void Two_capture_sources_without_a_regex_are_refused_with_the_position() =>
        Should.Throw<ScenarioFormatException>(() => ScenarioParser.Parse("""
            name: two
            steps:
              - request: { url: /get }
                capture: { x: { header: A, cookie: b } }
            """, "two.yaml")).Message.ShouldStartWith("two.yaml:4:");
}
