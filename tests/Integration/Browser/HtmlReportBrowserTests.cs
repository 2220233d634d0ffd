using Microsoft.Playwright;
using ScenarioRunner.Cli;
using SessionKit.Tests.Integration.Scenarios;
using SessionKit.Tests.Integration.Standalone;

namespace SessionKit.Tests.Integration.Browser;

/// <summary>
/// The --report-html file as a class sees it: opened from disk in Debian's chromium (no network needed), its DOM
/// counted, a screenshot kept under the test's output folder (html-report.png) for a human to look at.
/// </summary>
[NonParallelizable]
public class HtmlReportBrowserTests
{
    [Test]
    public async Task The_report_opens_in_chromium_with_an_arrow_per_attempt_and_the_failure_marked()
    {
        var chromium = await ExternalTool.ChromiumAsync();
        var folder = Directory.CreateTempSubdirectory("html-report-browser-").FullName;
        try
        {
            var failing = Path.Combine(folder, "failing.yaml");
            await File.WriteAllTextAsync(failing, """
                name: the protected route without a login
                steps:
                  - request: { url: /protected }
                    expect: { status: 200 }
                """);
            var report = Path.Combine(folder, "report.html");
            var retries = Directory.EnumerateFiles(ScenarioFolder.Path, "08-*.yaml").Single();
            (await ScenarioCli.RunAsync([retries, failing, "--report-html", report], TextWriter.Null, TextWriter.Null, CancellationToken.None))
                .ShouldBe(ScenarioCli.Failed);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = DebianChromium.Args });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });
            var requests = new List<string>();
            page.Request += (_, request) => requests.Add(request.Url);
            await page.GotoAsync(new Uri(report).AbsoluteUri);

            (await page.Locator("svg.sequence").CountAsync()).ShouldBe(2);
            (await page.Locator("section.scenario").Nth(0).Locator("g.arrow").CountAsync()).ShouldBe(8);
            (await page.Locator("g.arrow.failed").CountAsync()).ShouldBe(1);
            (await page.Locator("details.step.failed[open] pre").IsVisibleAsync()).ShouldBeTrue();
            (await page.Locator("details.step.passed pre").First.IsVisibleAsync()).ShouldBeFalse("passed steps start collapsed");
            var box = await page.Locator("g.arrow").First.BoundingBoxAsync();
            box.ShouldNotBeNull().Width.ShouldBeGreaterThan(100, "the arrow is drawn across to the server");
            requests.ShouldAllBe(url => url.StartsWith("file:"), "the report fetches nothing");

            var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "html-report.png");
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            new FileInfo(screenshot).Length.ShouldBeGreaterThan(10_000);
            TestContext.AddTestAttachment(screenshot, "the HTML report as chromium draws it");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
