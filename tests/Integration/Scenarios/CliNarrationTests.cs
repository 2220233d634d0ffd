using System.Text.RegularExpressions;
using ScenarioRunner.Cli;

namespace SessionKit.Tests.Integration.Scenarios;

/// <summary>
/// What --explain shows a class (issue 18): every attempt with urllib3's retry line and the wait, every redirect hop,
/// request bodies with secrets masked, the session of each step, captures, the one-off jar, clock advances, and
/// lines that are never wrapped when the output is not a terminal.
/// </summary>
public class CliNarrationTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("cli-narration-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private static string Scenario(string prefix) => Directory.EnumerateFiles(ScenarioFolder.Path, prefix + "-*.yaml").Single();

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private static async Task<string> ExplainAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await ScenarioCli.RunAsync([.. args, "--explain"], output, errors, CancellationToken.None);
        exit.ShouldBe(ScenarioCli.Passed, output.ToString());
        return output.ToString();
    }

    [Test]
    public async Task Scenario_08_shows_both_500s_urllib3s_retry_lines_and_the_waits()
    {
        var output = await ExplainAsync(Scenario("08"));

        output.ShouldContain("--> request 1 of 3: GET http://localhost/flaky?fail_first=2");
        output.ShouldContain("<-- response 1 of 3: 500 Internal Server Error");
        output.ShouldContain("log: Incremented Retry for (url='/flaky?fail_first=2'): Retry(total=2, connect=None, read=None, redirect=None, status=None)");
        output.ShouldContain("log: Waiting 0 s before attempt 2: status 500 is in status_forcelist; the first retry has no backoff");
        output.ShouldContain("--> request 2 of 3 (retry: attempt 2): GET http://localhost/flaky?fail_first=2");
        output.ShouldContain("<-- response 2 of 3: 500 Internal Server Error");
        output.ShouldContain("log: Incremented Retry for (url='/flaky?fail_first=2'): Retry(total=1,");
        output.ShouldContain("log: Waiting 0 s before attempt 3: status 500 is in status_forcelist; the backoff is backoff_factor 0 s × 2^1");
        output.ShouldContain("<-- response 3 of 3: 200 OK");
    }

    [Test]
    public async Task A_step_that_runs_out_of_retries_shows_every_attempt_before_the_error()
    {
        var output = await ExplainAsync(Scenario("08"));

        for (var attempt = 1; attempt <= 4; attempt++) output.ShouldContain($"<-- response {attempt} of 4: 500 Internal Server Error");
        output.ShouldContain("log: Incremented Retry for (url='/flaky?fail_first=4'): Retry(total=0,");
        output.ShouldContain("error: RetryExhausted: Max retries exceeded for http://localhost/flaky?fail_first=4 after 4 attempts");
    }

    [Test]
    public async Task A_retry_after_wait_says_it_comes_from_the_header()
    {
        var output = await ExplainAsync(Scenario("09"));

        output.ShouldContain("    Retry-After: 0");
        output.ShouldContain("log: Waiting 0 s before attempt 2: status 503 is in status_forcelist; the wait is the response's Retry-After");
    }

    [Test]
    public async Task Scenario_15_names_the_user_of_every_step_and_prints_its_description_and_capture()
    {
        var output = await ExplainAsync(Scenario("15"));

        output.ShouldContain("    Each session keeps its own user_id; bob is added to the server for this scenario only.");
        output.ShouldContain("--- step 1 (line 8) [session alice]: POST /api/login — Passed");
        output.ShouldContain("--- step 2 (line 11) [session bob]: POST /api/login — Passed");
        output.ShouldContain("--- step 3 (line 16) [session alice]: GET /protected — Passed");
        output.ShouldContain("--- step 4 (line 18) [session bob]: GET /protected — Passed");
        output.ShouldMatch(@"captured \{\{aliceId\}\} = [0-9a-f]{32}\r?\n");
    }

    [Test]
    public async Task A_form_body_is_shown_with_the_password_masked_unless_show_secrets()
    {
        var masked = await ExplainAsync(Scenario("15"));
        masked.ShouldContain("    Content-Type: application/x-www-form-urlencoded");
        masked.ShouldContain("    username=alice&password=•••");
        masked.ShouldNotContain("wonderland");

        var shown = await ExplainAsync(Scenario("15"), "--show-secrets");
        shown.ShouldContain("    username=alice&password=wonderland");
    }

    [Test]
    public async Task Json_bodies_tokens_and_bearer_credentials_are_masked_and_captured_tokens_too()
    {
        var output = await ExplainAsync(Scenario("21"));

        output.ShouldContain("""    {"username":"some_name","password":"•••"}""");
        output.ShouldContain("""    {"refresh_token":"•••"}""");
        output.ShouldContain("\"access_token\":\"•••\"");
        output.ShouldContain("    Authorization: Bearer •••");
        output.ShouldContain("captured {{refresh}} = •••");
        output.ShouldNotContain("\"pass\"");
        output.ShouldNotMatch("Authorization: Bearer [A-Za-z0-9]");
    }

    [Test]
    public async Task A_pkce_verifier_is_masked_in_the_token_request() =>
        (await ExplainAsync(Scenario("24"))).ShouldContain("&client_id=demo-app&code_verifier=•••");

    [Test]
    public async Task A_failure_report_without_explain_masks_tokens_and_bearer_credentials_too()
    {
        Write("1-login.yaml", """
            name: a login that expects the wrong status
            steps:
              - request: { method: POST, url: /api/auth/login, json: { username: some_name, password: pass } }
                expect: { status: 201 }
            """);
        Write("2-me.yaml", """
            name: a bearer call that expects the wrong status
            steps:
              - request: { method: POST, url: /api/auth/login, json: { username: some_name, password: pass } }
                capture: { access: { json: access_token } }
              - request: { url: /api/me, auth: { bearer: "{{access}}" } }
                expect: { status: 418 }
            """);
        using var output = new StringWriter();

        var exit = await ScenarioCli.RunAsync([_folder], output, TextWriter.Null, CancellationToken.None);

        exit.ShouldBe(ScenarioCli.Failed);
        var text = output.ToString();
        text.ShouldContain("status: expected 201, actual 200");
        text.ShouldContain("\"access_token\":\"•••\"");
        text.ShouldContain("Authorization: Bearer •••");
        text.ShouldNotMatch("Bearer [A-Za-z0-9]");
    }

    [Test]
    public async Task A_one_off_step_says_whose_jar_it_shows()
    {
        var output = await ExplainAsync(Scenario("01"));

        output.ShouldMatch(@"--- step 4 \(line \d+\) \[one-off session\]: ");
        output.ShouldContain("jar after (one-off jar):");
    }

    [Test]
    public async Task Two_set_cookie_headers_are_two_lines()
    {
        var path = Write("two.yaml", """
            name: two cookies at once
            steps:
              - request: { url: /cookies/set, params: { a: "1", b: "2" }, followRedirects: false }
            """);

        var output = await ExplainAsync(path);

        output.ShouldMatch(@"\n    Set-Cookie: a=1; Path=/\r?\n    Set-Cookie: b=2; Path=/\r?\n");
    }

    [Test]
    public async Task A_clock_advance_shows_the_new_server_time()
    {
        var output = await ExplainAsync(Scenario("11"));

        output.ShouldMatch(@"advanced the server's clock by [0-9:]+; the server's time is now \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ");
    }

    [Test]
    public async Task Redirected_output_never_breaks_a_long_token_across_lines()
    {
        var token = string.Concat(Enumerable.Repeat("U249e3zq", 40)); // 320 characters, like a refresh token
        var path = Write("long.yaml", $"""
            name: a long cookie value
            description: {token}
            steps:
              - request: {"{"} url: /cookies/set/tok/{token} {"}"}
            """);

        var output = await ExplainAsync(path);

        var lines = output.Split('\n').Where(l => l.Contains("U249e3zq")).ToList();
        lines.Count.ShouldBeGreaterThan(3);
        lines.ShouldAllBe(l => l.Contains(token));
    }

    [Test]
    public async Task Redirected_output_keeps_a_refresh_token_on_one_line()
    {
        var output = await ExplainAsync(Scenario("21"), "--show-secrets");

        var tokens = Regex.Matches(output, "\"refresh_token\":\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        tokens.ShouldNotBeEmpty();
        tokens.ShouldAllBe(t => t.Length >= 32 && !t.Contains('\n'));
        output.Split('\n').Where(l => l.Contains("refresh_token")).ShouldAllBe(l => Regex.IsMatch(l, "\"refresh_token\":\"[^\"]+\""));
    }
}
