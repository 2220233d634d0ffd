using System.Net;

namespace SessionKit.Tests.Integration.Server;

/// <summary>
/// Login CSRF by cookie planting: an attacker on a sibling subdomain gets a login_csrf cookie and its token from
/// /login, plants that cookie in the victim's browser beside the victim's own, and posts the victim's browser into
/// the attacker's account. The pair is valid, so the Origin the browser adds is what refuses it.
/// </summary>
public class LoginCsrfOriginTests : ServerTestBase
{
    private async Task<(string Cookie, string Token)> PairAsync()
    {
        using var attacker = new FormLoginBrowser(Server);
        var page = await attacker.Client.GetAsync("/login");
        return (FormLoginBrowser.CookieValue(page, "login_csrf"), FormLoginBrowser.HiddenCsrf(await page.Content.ReadAsStringAsync()));
    }

    private async Task<HttpResponseMessage> PostLoginAsync(string cookieHeader, string token, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = "some_name", ["password"] = "pass", ["csrf_token"] = token,
            }),
        };
        request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
        if (origin is not null) request.Headers.Add("Origin", origin);
        return await Client.SendAsync(request);
    }

    [Test]
    public async Task A_planted_pair_posted_from_a_sibling_subdomain_is_refused()
    {
        var victim = await PairAsync();
        var planted = await PairAsync();

        var response = await PostLoginAsync($"login_csrf={victim.Cookie}; login_csrf={planted.Cookie}", planted.Token,
            origin: "http://evil.localhost");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        FormLoginBrowser.SetsCookie(response, "user_id").ShouldBeFalse();
    }

    [Test]
    public async Task The_forms_own_page_posting_with_its_origin_logs_in()
    {
        var pair = await PairAsync();

        var response = await PostLoginAsync($"login_csrf={pair.Cookie}", pair.Token, origin: "http://localhost");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        FormLoginBrowser.SetsCookie(response, "user_id").ShouldBeTrue();
    }

    [TestCase("/logout")]
    [TestCase("/2fa/verify")]
    public async Task The_other_form_posts_refuse_another_origin_too(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([new("code", "123456")]) };
        request.Headers.Add("Origin", "https://evil.example");

        (await Client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
