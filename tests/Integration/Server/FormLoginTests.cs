using System.Net;
using System.Text.RegularExpressions;
using FakeAuthServer.Testing;

namespace SessionKit.Tests.Integration.Server;

public class FormLoginTests : ServerTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory().WithUser("<b>&co", "pw");

    private FormLoginBrowser _browser = null!;

    [SetUp]
    public void NewBrowser() => _browser = new FormLoginBrowser(Server);

    [TearDown]
    public void CloseBrowser() => _browser.Dispose();

    [Test]
    public async Task The_login_page_carries_the_same_csrf_token_in_a_hidden_input_and_a_meta_tag()
    {
        var page = await _browser.Client.GetAsync("/login?next=%2Freports");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await page.Content.ReadAsStringAsync();
        var token = FormLoginBrowser.HiddenCsrf(html);
        token.Length.ShouldBeGreaterThanOrEqualTo(40);
        html.ShouldContain($"""<meta name="csrf-token" content="{token}">""");
        html.ShouldContain("""<form method="post" action="/login">""");
        html.ShouldContain("""<input type="hidden" name="next" value="/reports">""");
        FormLoginBrowser.SetCookieHeader(page, "login_csrf").ShouldEndWith("; Path=/; HttpOnly; SameSite=Lax");
    }

    [Test]
    public async Task Two_browsers_get_different_csrf_tokens_and_one_browser_keeps_its_own()
    {
        using var other = new FormLoginBrowser(Server);

        var first = await _browser.CsrfTokenAsync();

        (await _browser.CsrfTokenAsync()).ShouldBe(first);
        (await other.CsrfTokenAsync()).ShouldNotBe(first);
    }

    [Test]
    public async Task A_correct_login_redirects_to_the_dashboard_with_a_fresh_hardened_session_cookie()
    {
        var login = await _browser.LogInAsync();

        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        login.Headers.Location!.OriginalString.ShouldBe("/dashboard");
        FormLoginBrowser.SetCookieHeader(login, "user_id").ShouldMatch("^user_id=[0-9a-f]{32}; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600$");
        var dashboard = await _browser.Client.GetAsync("/dashboard");
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await dashboard.Content.ReadAsStringAsync()).ShouldContain("Welcome, some_name");
        (await _browser.Client.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Every_login_gets_a_new_session_id_and_the_one_the_browser_carried_ends()
    {
        var planted = SessionIdFrom(await LoginAsync());
        var page = await Client.GetAsync("/login");
        var csrfCookie = FormLoginBrowser.CookieValue(page, "login_csrf");
        var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = "some_name", ["password"] = "pass",
                ["csrf_token"] = FormLoginBrowser.HiddenCsrf(await page.Content.ReadAsStringAsync()),
            }),
        };
        request.Headers.Add("Cookie", $"login_csrf={csrfCookie}; user_id={planted}");

        var login = await Client.SendAsync(request);

        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        FormLoginBrowser.CookieValue(login, "user_id").ShouldNotBe(planted);
        (await GetWithCookieAsync("/protected", $"user_id={planted}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_wrong_password_gets_401_and_the_form_again_but_no_session()
    {
        var login = await _browser.LogInAsync(password: "wrong");

        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var html = await login.Content.ReadAsStringAsync();
        html.ShouldContain("Invalid username or password.");
        FormLoginBrowser.HiddenCsrf(html).ShouldNotBeNullOrEmpty();
        FormLoginBrowser.SetsCookie(login, "user_id").ShouldBeFalse();
    }

    [Test]
    public async Task The_user_name_on_the_dashboard_is_html_encoded()
    {
        await _browser.LogInAsync("<b>&co", "pw");

        var html = await (await _browser.Client.GetAsync("/dashboard")).Content.ReadAsStringAsync();

        html.ShouldContain("Welcome, &lt;b&gt;&amp;co");
        html.ShouldNotContain("<b>&co");
    }

    [TestCase("/reports?year=2026", "/reports?year=2026")]
    [TestCase("/", "/")]
    [TestCase("https://evil.example/", "/dashboard")]
    [TestCase("//evil.example/", "/dashboard")]
    [TestCase("/\\evil.example/", "/dashboard")]
    [TestCase("/\t/evil.example/", "/dashboard")]
    [TestCase("javascript:alert(1)", "/dashboard")]
    [TestCase("reports", "/dashboard")]
    [TestCase("", "/dashboard")]
    public async Task Next_is_followed_only_when_it_is_a_path_on_this_site(string next, string expected)
    {
        var login = await _browser.LogInAsync(next: next);

        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        login.Headers.Location!.OriginalString.ShouldBe(expected);
    }

    [Test]
    public async Task A_login_without_a_csrf_token_is_forbidden_even_with_the_right_password()
    {
        await _browser.CsrfTokenAsync();

        var login = await _browser.PostFormAsync("/login", new Dictionary<string, string> { ["username"] = "some_name", ["password"] = "pass" });

        await ShouldBeCsrfProblem(login);
    }

    [Test]
    public async Task A_login_with_a_wrong_csrf_token_is_forbidden()
    {
        var token = await _browser.CsrfTokenAsync();
        var tampered = (token[0] == 'A' ? "B" : "A") + token[1..];

        await ShouldBeCsrfProblem(await PostLogin(_browser, tampered));
    }

    [Test]
    public async Task A_csrf_token_is_refused_with_another_browsers_cookie_or_with_none()
    {
        using var attacker = new FormLoginBrowser(Server);
        var attackersToken = await attacker.CsrfTokenAsync();
        await _browser.CsrfTokenAsync();

        await ShouldBeCsrfProblem(await PostLogin(_browser, attackersToken));
        var noCookie = await Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["username"] = "some_name", ["password"] = "pass", ["csrf_token"] = attackersToken }));
        await ShouldBeCsrfProblem(noCookie);
    }

    [Test]
    public async Task A_login_form_with_a_token_but_no_password_gets_400()
    {
        var response = await _browser.PostFormAsync("/login",
            new Dictionary<string, string> { ["username"] = "some_name", ["csrf_token"] = await _browser.CsrfTokenAsync() });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("password");
    }

    private static async Task<HttpResponseMessage> PostLogin(FormLoginBrowser browser, string csrfToken) =>
        await browser.PostFormAsync("/login", new Dictionary<string, string>
            { ["username"] = "some_name", ["password"] = "pass", ["csrf_token"] = csrfToken });

    private static async Task ShouldBeCsrfProblem(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        FormLoginBrowser.SetsCookie(response, "user_id").ShouldBeFalse();
        Regex.IsMatch(await response.Content.ReadAsStringAsync(), "csrf_token").ShouldBeTrue();
    }
}
