using ScenarioRunner.Parsing;
using ScenarioRunner.Running;

namespace SessionKit.Tests.Integration.Scenarios;

/// <summary>The runner can fail: wrong expectations are reported with expected vs actual, the exchange and the jar.</summary>
public class FailingScenarioTests
{
    private static Task<ScenarioResult> Run(string yaml) =>
        ScenarioExecutor.RunAsync(ScenarioParser.Parse(yaml, "inline.yaml"), s => new InProcessTarget(s.Server));

    [Test]
    public async Task A_wrong_status_fails_the_step_with_expected_and_actual()
    {
        var result = await Run("""
            name: wrong status
            steps:
              - request: { url: /protected }
                expect: { status: 200 }
              - request: { url: /get }
            """);

        result.Verdict.ShouldBe(Verdict.Failed);
        result.FailedStep!.Failures.ShouldBe(["status: expected 200, actual 401"]);
        result.Steps[1].Verdict.ShouldBe(Verdict.Skipped);
        result.Report().ShouldContain("GET http://localhost/protected");
        result.Report().ShouldContain("""{"detail":"Unauthorized"}""");
    }

    [Test]
    public async Task A_missing_cookie_is_reported_with_the_jar()
    {
        var result = await Run("""
            name: missing cookie
            steps:
              - request: { url: /cookies/set/a/1 }
                expect: { cookies: { b: present } }
            """);

        result.FailedStep!.Failures.ShouldBe(["cookie b: expected present in the jar, actual absent (cookies: a)"]);
        result.FailedStep.Exchange!.Jar.ShouldStartWith("a=1; Domain=localhost; Path=/");
    }

    [Test]
    public async Task An_expected_error_that_does_not_happen_fails()
    {
        var result = await Run("""
            name: no error
            steps:
              - request: { url: /get }
                expectError: RetryExhausted
            """);

        result.FailedStep!.Failures.ShouldBe(["error: expected RetryExhausted, actual status 200"]);
    }

    [Test]
    public async Task Wrong_attempts_and_json_each_fail()
    {
        var result = await Run("""
            name: attempts
            steps:
              - request: { url: /redirect/2 }
                expect: { attempts: 2, json: { args: { x: "1" } } }
            """);

        result.FailedStep!.Failures.ShouldBe(["attempts: expected 2, actual 3", "json $.args.x: expected present, actual absent (object: {})"]);
    }

    [Test]
    public async Task A_relogin_that_cannot_log_in_fails_the_step_with_the_login_error()
    {
        var result = await Run("""
            name: wrong relogin password
            sessions:
              default:
                relogin: { api: { url: /api/login, fields: { username: some_name, password: wrong } } }
            steps:
              - request: { url: /protected }
                expect: { status: 200 }
            """);

        result.FailedStep!.Failures.ShouldBe(["request failed: LoginFailed: Login at /api/login answered 401."]);
    }

    [Test]
    public async Task A_changed_cookie_expectation_fails_when_the_value_stayed_the_same()
    {
        var result = await Run("""
            name: same value
            steps:
              - request: { url: /cookies/set/a/1 }
                capture: { old: { cookie: a } }
              - request: { url: /cookies/set/a/1 }
                expect: { cookies: { a: { notValue: "{{old}}" } } }
            """);

        result.FailedStep!.Failures.ShouldBe(["cookie a: expected a value other than '1', actual the same"]);
    }

    [Test]
    public async Task A_socket_target_skips_a_scenario_with_server_options_it_cannot_take_over_http()
    {
        var scenario = ScenarioParser.Parse("""
            name: lifetime
            server: { sessionLifetime: 5m, idleTimeout: 1m, twoFactor: { alice: JBSWY3DPEHPK3PXP } }
            steps:
              - advance: 1m
            """, "inline.yaml");

        var result = await ScenarioExecutor.RunAsync(scenario, _ => new SocketTarget(new Uri("http://127.0.0.1:1/")));

        result.Verdict.ShouldBe(Verdict.Skipped);
        result.Reason.ShouldBe("sets server options (sessionLifetime, idleTimeout) that a running server cannot take over HTTP");
    }

    [Test]
    public async Task An_unreachable_target_fails_the_scenario_naming_the_address()
    {
        var scenario = ScenarioParser.Parse("""
            name: unreachable
            steps:
              - request: { url: /get }
            """, "inline.yaml");

        var result = await ScenarioExecutor.RunAsync(scenario, _ => new SocketTarget(new Uri("http://127.0.0.1:1/")));

        result.Verdict.ShouldBe(Verdict.Failed);
        result.Reason.ShouldStartWith("could not prepare http://127.0.0.1:1/: ");
    }
}
