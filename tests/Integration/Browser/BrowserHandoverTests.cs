using Microsoft.Playwright;
using SessionClient;
using SessionKit.Tests.Integration.Standalone;

namespace SessionKit.Tests.Integration.Browser;

/// <summary>
/// Seed 004's Playwright flow: a real browser (Debian's chromium driven by Playwright) logs in through the CSRF
/// form, then hands its cookies to an HttpSession, which carries on where the browser left off.
/// </summary>
[NonParallelizable]
public class BrowserHandoverTests
{
    // Without the background-networking flags chromium keeps dialling hosts this machine cannot reach.
    [Test]
    public async Task A_browser_login_hands_its_cookies_to_an_http_session()
    {
        var chromium = await ExternalTool.ChromiumAsync();
        await using var server = await StandaloneServer.StartAsync();
        var baseUrl = server.BaseAddress.ToString().TrimEnd('/');

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = DebianChromium.Args });
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/login");
        await page.FillAsync("input[name=username]", "some_name");
        await page.FillAsync("input[name=password]", "pass");
        await page.ClickAsync("button[type=submit]");
        await page.ArriveAtAsync($"{baseUrl}/dashboard");
        (await page.ContentAsync()).ShouldContain("Welcome, some_name");

        await using var session = new HttpSession();
        session.Cookies.ImportStorageState(await context.StorageStateAsync()).ShouldBeGreaterThan(0);
        var dashboard = await session.GetAsync($"{baseUrl}/dashboard");

        dashboard.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/dashboard");
        (await dashboard.Content.ReadAsStringAsync()).ShouldContain("Welcome, some_name");
        session.Cookies.Get("user_id").ShouldNotBeNull().HttpOnly.ShouldBeTrue();
    }
}
