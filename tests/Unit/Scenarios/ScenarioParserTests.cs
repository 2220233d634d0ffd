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
}
