using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ScenarioRunner.Cli;

namespace SessionKit.Tests.Integration.Scenarios;

/// <summary>
/// --report-html (issue 18.2): one self-contained file, a sequence diagram per scenario with an arrow per exchange
/// (each retry attempt and redirect hop), cookie badges, clock notes, failures in red, the steps collapsible below.
/// Read back with an HTML parser, as a browser would see the DOM.
/// </summary>
public class HtmlReportTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("html-report-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private static string Scenario(string prefix) => Directory.EnumerateFiles(ScenarioFolder.Path, prefix + "-*.yaml").Single();

    private async Task<(int Exit, IDocument Html, string Text, string Output)> ReportAsync(params string[] paths)
    {
        var report = Path.Combine(_folder, "report.html");
        using var output = new StringWriter();
        var exit = await ScenarioCli.RunAsync([.. paths, "--report-html", report], output, TextWriter.Null, CancellationToken.None);
        var text = await File.ReadAllTextAsync(report);
        return (exit, new HtmlParser().ParseDocument(text), text, output.ToString());
    }

    [Test]
    public async Task Scenario_08_draws_an_arrow_per_attempt_with_the_retry_lines_beside_them()
    {
        var (exit, html, _, _) = await ReportAsync(Scenario("08"));

        exit.ShouldBe(ScenarioCli.Passed);
        html.QuerySelectorAll("svg.sequence").Length.ShouldBe(1);
        html.QuerySelectorAll("svg.sequence g.arrow").Length.ShouldBe(3 + 4 + 1, "3 attempts, 4 attempts, 1 attempt");
        html.QuerySelectorAll("g.arrow.server-error").Length.ShouldBe(2 + 4 + 1, "every 500");
        html.QuerySelectorAll("g.arrow[data-step='2']").Length.ShouldBe(4);
        html.QuerySelectorAll("text.log").Select(t => t.TextContent).ShouldContain(
            "Incremented Retry for (url='/flaky?fail_first=2'): Retry(total=2, connect=None, read=None, redirect=None, status=None)");
        html.QuerySelectorAll("g.lifeline").Select(l => l.GetAttribute("data-name")).ShouldBe(["default", "server"]);
        html.QuerySelectorAll("details.step").Length.ShouldBe(3);
        html.QuerySelector("details.step pre")!.TextContent.ShouldContain("<-- response 1 of 3: 500 Internal Server Error");
    }

    [Test]
    public async Task Redirect_hops_are_arrows_and_cookies_are_badges_where_they_are_set_and_sent()
    {
        var (_, html, _, _) = await ReportAsync(Scenario("01"));

        html.QuerySelectorAll("g.arrow[data-step='2']").Length.ShouldBe(2, "the 302 and the hop to /cookies");
        var step2 = html.QuerySelectorAll("g.arrow[data-step='2']");
        step2[0].QuerySelectorAll("g.cookie.set").Select(b => b.TextContent).ShouldBe(["Set-Cookie: sessioncookie"]);
        step2[1].QuerySelectorAll("g.cookie.sent").Select(b => b.TextContent).ShouldBe(["Cookie: sessioncookie"]);
        html.QuerySelectorAll("g.lifeline").Select(l => l.GetAttribute("data-name")).ShouldBe(["default", "one-off", "server"]);
    }

    [Test]
    public async Task Clock_advances_are_notes_across_the_lifelines_and_each_session_has_its_own()
    {
        var (_, html, _, _) = await ReportAsync(Scenario("11"), Scenario("15"));

        html.QuerySelectorAll("svg.sequence").Length.ShouldBe(2);
        var expiry = html.QuerySelectorAll("section.scenario")[0];
        expiry.QuerySelectorAll("g.note.clock").Length.ShouldBe(3);
        expiry.QuerySelector("g.note.clock")!.TextContent.ShouldStartWith("advanced the server's clock by 00:25:00; the server's time is now");
        var twoUsers = html.QuerySelectorAll("section.scenario")[1];
        twoUsers.QuerySelectorAll("g.lifeline").Select(l => l.GetAttribute("data-name")).ShouldBe(["alice", "bob", "server"]);
    }

    [Test]
    public async Task A_failing_step_is_red_and_open()
    {
        var failing = Path.Combine(_folder, "failing.yaml");
        await File.WriteAllTextAsync(failing, """
            name: the protected route without a login
            steps:
              - request: { url: /protected }
                expect: { status: 200 }
              - request: { url: /cookies }
            """);

        var (exit, html, _, _) = await ReportAsync(failing);

        exit.ShouldBe(ScenarioCli.Failed);
        html.QuerySelector("section.scenario.failed").ShouldNotBeNull();
        html.QuerySelectorAll("g.arrow.failed").Length.ShouldBe(1);
        html.QuerySelector("text.failure")!.TextContent.ShouldBe("✗ status: expected 200, actual 401");
        html.QuerySelector("details.step.failed")!.HasAttribute("open").ShouldBeTrue();
        html.QuerySelector("details.step.skipped")!.HasAttribute("open").ShouldBeFalse();
    }

    [Test]
    public async Task Secrets_are_masked_in_the_report_unless_show_secrets()
    {
        var (_, _, masked, _) = await ReportAsync(Scenario("15"));
        masked.ShouldContain("password=•••");
        masked.ShouldNotContain("wonderland");

        var (_, _, shown, _) = await ReportAsync(Scenario("15"), "--show-secrets");
        shown.ShouldContain("password=wonderland");
    }

    [Test]
    public async Task The_whole_folder_gives_one_self_contained_diagram_per_scenario_with_as_many_arrows_as_the_narration_has_requests()
    {
        var report = Path.Combine(_folder, "report.html");
        using var output = new StringWriter();

        var exit = await ScenarioCli.RunAsync([ScenarioFolder.Path, "--explain", "--report-html", report], output, TextWriter.Null, CancellationToken.None);

        exit.ShouldBe(ScenarioCli.Passed);
        var text = await File.ReadAllTextAsync(report);
        var html = new HtmlParser().ParseDocument(text);
        var files = Directory.EnumerateFiles(ScenarioFolder.Path, "*.yaml").Count();
        html.QuerySelectorAll("section.scenario").Length.ShouldBe(files);
        html.QuerySelectorAll("section.scenario").ShouldAllBe(s => s.QuerySelectorAll("svg.sequence").Length == 1);
        var requests = Regex.Matches(output.ToString(), @"^--> request", RegexOptions.Multiline).Count;
        html.QuerySelectorAll("g.arrow").Length.ShouldBe(requests);
        html.QuerySelectorAll("script, link, img, iframe, object").Length.ShouldBe(0, "nothing to fetch, nothing to run");
        html.All.SelectMany(e => e.Attributes).Where(a => a.Name is "src" or "href")
            .ShouldAllBe(a => a.Value.StartsWith('#'), "no reference outside the file");
        html.QuerySelectorAll("style").Length.ShouldBe(1);
    }
}
