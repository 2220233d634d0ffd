using System.Net;
using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SessionKit.Tests.Integration.Server;

/// <summary>Cookies the server's logins set over https carry Secure; over http the tutorials' bytes stay as they were.</summary>
public class SecureCookiesOverHttpsTests : ServerTestBase
{
    private const string Secret = "JBSWY3DPEHPK3PXP";

    protected override FakeAuthServerFactory CreateServer() =>
        new FakeAuthServerFactory().WithUser("tfa", "pw").Configure(o => o.TwoFactor["tfa"] = Secret);

    private HttpClient HttpsBrowser() => Server.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
    });

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [Test]
    public async Task The_user_id_cookie_set_over_https_is_secure()
    {
        using var client = HttpsBrowser();
        var login = await client.PostAsync("/api/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "some_name", ["password"] = "pass" }));

        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        SetCookies(login).Single(c => c.StartsWith("user_id=")).ShouldEndWith("; Secure");
    }

    [Test]
    public async Task The_login_csrf_and_pending_2fa_cookies_set_over_https_are_secure()
    {
        using var client = HttpsBrowser();
        var page = await client.GetAsync("/login");
        SetCookies(page).Single(c => c.StartsWith("login_csrf=")).ShouldEndWith("; Secure");

        var login = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "tfa", ["password"] = "pw",
            ["csrf_token"] = FormLoginBrowser.HiddenCsrf(await page.Content.ReadAsStringAsync()),
        }));

        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        SetCookies(login).Single(c => c.StartsWith("pending_2fa=")).ShouldEndWith("; Secure");
    }

    [Test]
    public async Task Over_plain_http_the_tutorials_set_cookie_line_is_unchanged()
    {
        var login = await LoginAsync();

        SetCookies(login).Single(c => c.StartsWith("user_id=")).ShouldEndWith("; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600");
    }
}
