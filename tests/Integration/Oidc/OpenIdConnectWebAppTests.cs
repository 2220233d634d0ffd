using System.Net;
using System.Text.Json;
using FakeAuthServer.Testing;
using Microsoft.Playwright;
using SessionClient;
using SessionKit.Tests.Integration.Browser;
using SessionKit.Tests.Integration.Standalone;

namespace SessionKit.Tests.Integration.Oidc;

/// <summary>
/// Microsoft's OpenIdConnect handler signs a user in to a web app through the fake (code + PKCE, nonce, userinfo)
/// and out again through its end_session endpoint — walked by an HttpSession with FormLogin, and by chromium.
/// </summary>
[NonParallelizable]
public class OpenIdConnectWebAppTests
{
    private static FakeAuthServerFactory Fake() => new FakeAuthServerFactory()
        .WithClaims("alice", new Dictionary<string, string> { ["role"] = "admin", ["email"] = "alice@example.test" });

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Test]
    public async Task A_form_login_at_the_fake_signs_the_user_in_to_the_app_with_their_claims()
    {
        await using var app = await OidcWebApp.StartAsync(Fake());
        await using var session = new HttpSession();

        var landed = await new FormLogin(new Uri(app.Address, "/me").ToString(), "alice", "wonderland").LoginAsync(session);

        landed.RequestMessage!.RequestUri!.ShouldBe(new Uri(app.Address, "/me"));
        var me = await JsonOf(landed);
        me.GetProperty("sub").GetString().ShouldBe("alice");
        me.GetProperty("role").GetString().ShouldBe("admin");
        me.GetProperty("email").GetString().ShouldBe("alice@example.test");
    }

    [Test]
    public async Task Signing_out_of_the_app_ends_the_session_at_the_fake_too()
    {
        await using var app = await OidcWebApp.StartAsync(Fake());
        await using var session = new HttpSession();
        await new FormLogin(new Uri(app.Address, "/me").ToString(), "alice", "wonderland").LoginAsync(session);

        var bye = await session.GetAsync(new Uri(app.Address, "/signout").ToString());

        bye.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/bye");
        (await session.GetAsync(new Uri(app.FakeAddress, "/protected").ToString())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var again = await session.GetAsync(new Uri(app.Address, "/me").ToString());
        again.RequestMessage!.RequestUri!.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(app.FakeAddress, "/login").ToString());
    }

    [Test]
    public async Task A_wrong_password_leaves_the_user_on_the_fakes_login_page_and_out_of_the_app()
    {
        await using var app = await OidcWebApp.StartAsync(Fake());
        await using var session = new HttpSession();

        await Should.ThrowAsync<LoginFailedException>(
            () => new FormLogin(new Uri(app.Address, "/me").ToString(), "alice", "wrong").LoginAsync(session));

        var me = await session.GetAsync(new Uri(app.Address, "/me").ToString());
        me.RequestMessage!.RequestUri!.Host.ShouldBe(app.FakeAddress.Host);
    }

    [Test]
    public async Task Chromium_signs_in_through_the_fakes_login_page_and_out_through_end_session()
    {
        var chromium = await ExternalTool.ChromiumAsync();
        await using var app = await OidcWebApp.StartAsync(Fake());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = DebianChromium.Args });
        var page = await (await browser.NewContextAsync()).NewPageAsync();

        await page.GotoAsync(new Uri(app.Address, "/me").ToString());
        page.Url.ShouldStartWith(new Uri(app.FakeAddress, "/login").ToString());
        await page.FillAsync("input[name=username]", "alice");
        await page.FillAsync("input[name=password]", "wonderland");
        await page.ClickAsync("button[type=submit]");
        await page.ArriveAtAsync(new Uri(app.Address, "/me").ToString());
        var me = JsonDocument.Parse(await page.InnerTextAsync("body")).RootElement;
        me.GetProperty("sub").GetString().ShouldBe("alice");
        me.GetProperty("role").GetString().ShouldBe("admin");
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "oidc-signed-in.png") });

        await page.GotoAsync(new Uri(app.Address, "/signout").ToString());
        await page.ArriveAtAsync(new Uri(app.Address, "/bye").ToString());
        await page.GotoAsync(new Uri(app.Address, "/me").ToString());
        page.Url.ShouldStartWith(new Uri(app.FakeAddress, "/login").ToString());
    }

    [Test]
    public async Task Chromium_signs_in_with_the_handlers_default_form_post_response_mode()
    {
        var chromium = await ExternalTool.ChromiumAsync();
        await using var app = await OidcWebApp.StartAsync(Fake(), formPost: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = DebianChromium.Args });
        var page = await (await browser.NewContextAsync()).NewPageAsync();

        await page.GotoAsync(new Uri(app.Address, "/me").ToString());
        await page.FillAsync("input[name=username]", "alice");
        await page.FillAsync("input[name=password]", "wonderland");
        await page.ClickAsync("button[type=submit]");
        await page.ArriveAtAsync(new Uri(app.Address, "/me").ToString());

        JsonDocument.Parse(await page.InnerTextAsync("body")).RootElement.GetProperty("sub").GetString().ShouldBe("alice");
    }
}
