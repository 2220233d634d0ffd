using ScenarioRunner.Parsing;

namespace SessionKit.Tests.Unit.Scenarios;

/// <summary>A broken file fails with file:line:column and what was expected there, never a stack trace.</summary>
public class BrokenScenarioFileTests
{
    private static string ErrorOf(string yaml) => Should.Throw<ScenarioFormatException>(() => ScenarioParser.Parse(yaml, "broken.yaml")).Message;

    [Test]
    public void An_unknown_step_key_names_the_allowed_ones() =>
        ErrorOf("""
            name: x
            steps:
              - reqest: { url: /get }
            """).ShouldBe("broken.yaml:3:5: expected one of name, request, advance, resetFlaky, saveCookies, loadCookies, expect, capture, expectError in step 1, found 'reqest' (did you mean `request`?)");

    [Test]
    public void A_status_that_is_not_a_number_points_at_the_value() =>
        ErrorOf("""
            name: x
            steps:
              - request: { url: /get }
                expect: { status: ok }
            """).ShouldBe("broken.yaml:4:23: expected expect.status (a whole number), found 'ok'");

    [Test]
    public void A_bad_duration_says_what_a_duration_looks_like() =>
        ErrorOf("""
            name: x
            steps:
              - advance: soon
            """).ShouldBe("broken.yaml:3:14: expected advance (a duration such as 31m, 1h30m, 10s or 250ms), found 'soon'");

    [Test]
    public void An_unclosed_bracket_is_reported_where_it_was_opened_not_at_the_end_of_the_file() =>
        ErrorOf("name: x\nsteps: [\n").ShouldStartWith("broken.yaml:2:8: not valid YAML: this [ is never closed (the parser gave up at line 3:");

    [Test]
    public void A_request_without_url_is_reported_on_the_request() =>
        ErrorOf("""
            name: x
            steps:
              - request: { method: GET }
            """).ShouldBe("broken.yaml:3:14: expected request.url (relative to the target, e.g. /protected)");

    [Test]
    public void A_step_with_two_actions_is_refused() =>
        ErrorOf("""
            name: x
            steps:
              - request: { url: /get }
                advance: 1m
            """).ShouldBe("broken.yaml:3:5: expected step 1 to have exactly one of request, advance, resetFlaky, saveCookies, loadCookies, found 2");

    [Test]
    public void An_unknown_session_is_refused() =>
        ErrorOf("""
            name: x
            sessions: [a]
            steps:
              - request: { url: /get, session: b }
            """).ShouldBe("broken.yaml:4:5: expected step 1 to use one of the sessions a, found 'b'");

    [Test]
    public void A_missing_name_is_reported_at_the_top() =>
        ErrorOf("steps:\n  - advance: 1m\n").ShouldBe("broken.yaml:1:1: expected a 'name' for the scenario");
}
