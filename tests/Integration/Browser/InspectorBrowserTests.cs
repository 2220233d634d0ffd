using System.Diagnostics;
using System.Net;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SessionClient;
using SessionKit.Tests.Integration.Standalone;
using static Microsoft.Playwright.Assertions;

namespace SessionKit.Tests.Integration.Browser;

/// <summary>
/// The live inspector as a class sees it: Debian's chromium opens /_admin/inspector of a server on a real loopback
/// port, a client logs in and reaches /protected, and each request shows on the page within a second, the session in
/// its table, the server's clock as advanced. A screenshot (inspector.png) is kept under the test's output folder.
/// </summary>
[NonParallelizable]
public class InspectorBrowserTests
{
    private static readonly LocatorAssertionsToHaveCountOptions WithinASecond = new() { Timeout = 1000 };

    [Test]
    public async Task Requests_and_their_session_appear_on_the_inspector_as_they_happen()
    {
        var chromium = await ExternalTool.ChromiumAsync();
        await using var server = new FakeAuthServerFactory().WithAdminApi();
        server.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        server.StartServer();
        var baseUrl = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = DebianChromium.Args });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var fetched = new List<string>();
        page.Request += (_, request) => fetched.Add(request.Url);
        await page.GotoAsync($"{baseUrl}/_admin/inspector");
        await Expect(page.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = 10_000 });
        await Expect(page.Locator("#server-now")).ToHaveAttributeAsync("data-now", "2026-01-01T12:00:00+00:00");

        await using var session = new HttpSession();
        (await session.PostFormAsync($"{baseUrl}/api/login", FakeAuthServerFactory.DemoCredentials)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = Stopwatch.StartNew();
        await Expect(page.Locator("tr.request")).ToHaveCountAsync(1, WithinASecond);
        TestContext.Progress.WriteLine($"the login showed on the page {shown.ElapsedMilliseconds} ms after its answer");
        var login = page.Locator("tr.request[data-path='/api/login']");
        await Expect(login.Locator(".status")).ToHaveTextAsync("200");
        await Expect(login.Locator(".badge")).ToContainTextAsync("some_name (new)");
        await Expect(login.Locator("td.set .cookie")).ToContainTextAsync("user_id=");

        (await session.GetAsync($"{baseUrl}/protected")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Expect(page.Locator("tr.request")).ToHaveCountAsync(2, WithinASecond);
        var protectedRow = page.Locator("tr.request").First; // newest first
        await Expect(protectedRow).ToHaveAttributeAsync("data-path", "/protected");
        await Expect(protectedRow.Locator("td.received .cookie")).ToContainTextAsync("user_id=" + session.Cookies.Get("user_id")!.Value);
        await Expect(page.Locator("tr.session[data-user='some_name']")).ToHaveCountAsync(1, WithinASecond);
        await Expect(page.Locator("tr.session td.user")).ToHaveTextAsync("some_name");
        await Expect(page.Locator("tr.session .remaining")).ToHaveTextAsync("30:00"); // the idle timeout comes first

        // No request: the once-a-second clock event carries the advance, and the countdown follows the server's clock.
        server.Clock.Advance(TimeSpan.FromSeconds(29 * 60 + 30));
        await Expect(page.Locator("#server-now")).ToHaveAttributeAsync("data-now", "2026-01-01T12:29:30+00:00", new() { Timeout = 3000 });
        await Expect(page.Locator("tr.session .remaining.soon")).ToHaveTextAsync("0:30");

        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "inspector.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        new FileInfo(screenshot).Length.ShouldBeGreaterThan(10_000);
        TestContext.AddTestAttachment(screenshot, "the live inspector as chromium draws it");
        fetched.ShouldAllBe(url => url.StartsWith(baseUrl), "the page fetches nothing but its own server");
        await page.CloseAsync(); // the stream ends with the page; disposing the server must not wait for it either
    }
}
