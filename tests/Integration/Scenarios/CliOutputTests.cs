using System.Xml.Linq;
using ScenarioRunner.Cli;

namespace SessionKit.Tests.Integration.Scenarios;

/// <summary>What the command line prints and returns, over a temporary folder with one passing and one failing scenario.</summary>
public class CliOutputTests
{
    private const string PassingYaml = """
        name: a cookie is set
        steps:
          - request: { url: /cookies/set/a/1 }
            expect: { status: 200, cookies: { a: "present" } }
        """;

    private const string FailingYaml = """
        name: the protected route without a login
        steps:
          - request: { url: /cookies/set/flavour/oat }
          - request: { url: /protected }
            expect: { status: 200 }
        """;

    private string _folder = null!;

    [SetUp]
    public void WriteScenarios()
    {
        _folder = Directory.CreateTempSubdirectory("cli-output-").FullName;
        File.WriteAllText(Path.Combine(_folder, "1-passing.yaml"), PassingYaml);
        File.WriteAllText(Path.Combine(_folder, "2-failing.yaml"), FailingYaml);
    }

    [TearDown]
    public void RemoveScenarios() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await ScenarioCli.RunAsync(args, output, errors, CancellationToken.None);
        return (exit, output.ToString(), errors.ToString());
    }

    private string Passing => Path.Combine(_folder, "1-passing.yaml");

    [Test]
    public async Task The_summary_lists_each_scenario_with_its_outcome_and_the_wall_time_and_a_failure_exits_1()
    {
        var (exit, output, _) = await RunAsync(_folder);

        exit.ShouldBe(ScenarioCli.Failed);
        output.ShouldMatch(@"│ a cookie is set\s+│ passed\s+│");
        output.ShouldMatch(@"│ the protected route without a login\s+│ FAILED\s+│");
        output.ShouldMatch(@"1 passed, 1 failed, 0 skipped in \d+\.\d\d s wall time");
    }

    [Test]
    public async Task Only_passing_scenarios_exit_0()
    {
        var (exit, output, _) = await RunAsync(Passing);

        exit.ShouldBe(ScenarioCli.Passed);
        output.ShouldContain("1 passed, 0 failed, 0 skipped");
    }

    [Test]
    public async Task Run_two_at_once_the_summary_keeps_the_files_order_and_the_failure_is_still_told()
    {
        var (exit, output, errors) = await RunAsync(_folder, "--parallel", "2");

        exit.ShouldBe(ScenarioCli.Failed);
        output.IndexOf("│ a cookie is set", StringComparison.Ordinal)
            .ShouldBeLessThan(output.IndexOf("│ the protected route without a login", StringComparison.Ordinal));
        output.ShouldContain("status: expected 200, actual 401");
        output.ShouldMatch(@"1 passed, 1 failed, 0 skipped in \d+\.\d\d s wall time");
        errors.ShouldContain("[1/2] ");
        errors.ShouldContain("[2/2] ");
    }

    [Test]
    public async Task A_failure_prints_the_step_expected_and_actual_the_response_start_and_the_jar()
    {
        var (_, output, _) = await RunAsync(_folder);

        output.ShouldContain("step 2 (line 4) GET /protected:");
        output.ShouldContain("status: expected 200, actual 401");
        output.ShouldContain("GET http://localhost/protected");
        output.ShouldContain("401 Unauthorized");
        output.ShouldContain("""{"detail":"Unauthorized"}""");
        output.ShouldContain("jar after:");
        output.ShouldContain("flavour=oat; Domain=localhost; Path=/");
        output.ShouldNotContain("a cookie is set (", Case.Sensitive, "a passing scenario is not narrated without --explain");
    }

    [Test]
    public async Task Explain_narrates_the_request_the_response_and_the_jar_of_every_step()
    {
        var (exit, output, _) = await RunAsync(Passing, "--explain");

        exit.ShouldBe(ScenarioCli.Passed);
        output.ShouldContain("=== a cookie is set");
        output.ShouldContain("--- step 1 (line 3) [session default]: GET /cookies/set/a/1 — Passed");
        output.ShouldContain("--> request 1 of 2: GET http://localhost/cookies/set/a/1");
        output.ShouldContain("<-- response 1 of 2: 302 Found");
        output.ShouldContain("    Set-Cookie: a=1; Path=/");
        output.ShouldMatch(@"--> request 2 of 2 \(redirect hop 1: 302 from /cookies/set/a/1\): GET http://localhost/cookies\r?\n",
            "each hop of the redirect, as sent");
        output.ShouldContain("    Cookie: a=1");
        output.ShouldContain("<-- response 2 of 2: 200 OK");
        output.ShouldContain("jar after:");
        output.ShouldContain("a=1; Domain=localhost; Path=/");
    }

    [Test]
    public async Task Progress_goes_to_stderr_one_line_per_scenario_in_file_order_when_run_one_at_a_time()
    {
        var (_, _, errors) = await RunAsync(_folder, "--parallel", "1");

        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldMatch(@"^\[1/2\] a cookie is set … passed \d+ ms$");
        lines[1].ShouldMatch(@"^\[2/2\] the protected route without a login … FAILED \d+ ms$");
    }

    [Test]
    public async Task Progress_counts_scenarios_as_they_end_when_several_run_at_once()
    {
        var (_, _, errors) = await RunAsync(_folder, "--parallel", "2");

        // Whichever ends first is line one; the count still runs 1, 2.
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldStartWith("[1/2] ");
        lines[1].ShouldStartWith("[2/2] ");
        var ended = lines.Select(l => l[6..]).Order(StringComparer.Ordinal).ToArray();
        ended[0].ShouldMatch(@"^a cookie is set … passed \d+ ms$");
        ended[1].ShouldMatch(@"^the protected route without a login … FAILED \d+ ms$");
    }

    [Test]
    public async Task Report_junit_writes_a_suite_with_counts_and_the_failure_message()
    {
        var report = Path.Combine(_folder, "results.xml");

        var (exit, _, _) = await RunAsync(_folder, "--report-junit", report);

        exit.ShouldBe(ScenarioCli.Failed);
        var suite = XDocument.Load(report).Root!.Element("testsuite")!;
        ((int)suite.Attribute("tests")!, (int)suite.Attribute("failures")!, (int)suite.Attribute("skipped")!).ShouldBe((2, 1, 0));
        var cases = suite.Elements("testcase").ToList();
        cases.Select(c => (string)c.Attribute("name")!).ShouldBe(["a cookie is set", "the protected route without a login"]);
        cases[0].Element("failure").ShouldBeNull();
        var failure = cases[1].Element("failure")!;
        ((string)failure.Attribute("message")!).ShouldBe("status: expected 200, actual 401");
        failure.Value.ShouldContain("GET http://localhost/protected");
    }

    [TestCase("Option '--parallel' expects a whole number of at least 1, not '0'.", "--parallel", "0")]
    [TestCase("Option '--parallel' expects a whole number of at least 1, not 'two'.", "--parallel", "two")]
    [TestCase("Required argument missing for option: '--target'.", "--target")]
    [TestCase("Required argument missing for option: '--report-junit'.", "--report-junit")]
    [TestCase("Option '--target' expects a single argument but 2 were provided.",
        "--target", "http://127.0.0.1:1", "--target", "http://127.0.0.1:2")]
    public async Task Bad_arguments_exit_2_with_the_problem_then_the_usage_on_stderr(string problem, params string[] args)
    {
        var (exit, output, errors) = await RunAsync(args);

        exit.ShouldBe(ScenarioCli.BadArguments);
        output.ShouldBeEmpty();
        FirstLine(errors).ShouldBe(problem);
        errors.ShouldContain("Usage:");
        errors.ShouldContain("sessionkit [<PATH>...] [options]");
    }

    [TestCase("ftp://example.test")]
    [TestCase("not a url")]
    [TestCase("/a/relative-looking/path")]
    [TestCase("127.0.0.1:8000")]
    public async Task A_target_that_is_not_an_http_url_exits_2_naming_the_value(string target)
    {
        var (exit, output, errors) = await RunAsync(_folder, "--target", target);

        exit.ShouldBe(ScenarioCli.BadArguments);
        output.ShouldBeEmpty();
        FirstLine(errors).ShouldBe(
            $"Option '--target' expects an absolute http or https URL such as http://127.0.0.1:8000, not '{target}'.");
        errors.ShouldContain("Usage:");
        errors.ShouldNotContain("[1/2]", Case.Sensitive, "no scenario runs when the arguments are bad");
    }

    [TestCase("--colour")]
    [TestCase("-x")]
    public async Task An_unknown_option_exits_2_naming_it_instead_of_taking_it_for_a_path(string option)
    {
        var (exit, output, errors) = await RunAsync(_folder, option);

        exit.ShouldBe(ScenarioCli.BadArguments);
        output.ShouldBeEmpty();
        FirstLine(errors).ShouldBe($"Unknown option '{option}' (a path that starts with '-' can be written ./{option}).");
        errors.ShouldContain("Usage:");
        errors.ShouldNotContain("[1/2]", Case.Sensitive, "no scenario runs when the arguments are bad");
    }

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');

    [Test]
    public async Task A_missing_path_exits_2_saying_no_such_file_or_directory()
    {
        var missing = Path.Combine(_folder, "missing");

        var (exit, _, errors) = await RunAsync(missing);

        exit.ShouldBe(ScenarioCli.BadArguments);
        errors.ShouldStartWith($"{missing}: no such file or directory");
    }

    [Test]
    public async Task A_folder_without_scenarios_exits_2()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;

        var (exit, _, errors) = await RunAsync(empty);

        exit.ShouldBe(ScenarioCli.BadArguments);
        errors.ShouldStartWith("no scenario files (*.yaml) in ");
    }

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("-?")]
    public async Task Help_prints_the_generated_usage_with_every_option_and_the_exit_codes_and_exits_0(string help)
    {
        var (exit, output, errors) = await RunAsync(help);

        exit.ShouldBe(ScenarioCli.Passed);
        errors.ShouldBeEmpty();
        output.ShouldContain("sessionkit [<PATH>...] [options]");
        output.ShouldMatch(@"<PATH>\s+Scenario files, or folders of \*\.yaml \[default: scenarios\]");
        output.ShouldMatch(@"--target <URL>\s+Run against a server already listening");
        output.ShouldMatch(@"--explain\s+Narrate every step");
        output.ShouldMatch(@"--show-secrets\s+Show passwords, tokens and secrets");
        output.ShouldMatch(@"--report-junit <FILE>\s+Write a JUnit XML report to FILE");
        output.ShouldMatch(@"--report-html <FILE>\s+Write one self-contained HTML file to FILE");
        output.ShouldContain("Exit code: 0 all passed or skipped, 1 a scenario failed, 2 bad arguments.");
        output.ShouldMatch(@"--version\s+Show the version and exit");
    }

    [Test]
    public async Task Version_prints_the_packages_version_and_runs_nothing()
    {
        var (exit, output, errors) = await RunAsync("--version");

        exit.ShouldBe(ScenarioCli.Passed);
        errors.ShouldBeEmpty();
        output.Trim().ShouldBe(typeof(ScenarioCli).Assembly.GetName().Version!.ToString(3));
    }
}
