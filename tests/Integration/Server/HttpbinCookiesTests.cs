using System.Net;

namespace SessionKit.Tests.Integration.Server;

public class HttpbinCookiesTests : ServerTestBase
{
    [Test]
    public async Task Cookies_shows_what_the_request_carried_in_httpbin_shape()
    {
        var response = await GetWithCookieAsync("/cookies", "mycookie=value");

        (await response.Content.ReadAsStringAsync()).ShouldBe("{\"cookies\":{\"mycookie\":\"value\"}}\n");
    }

    [Test]
    public async Task Set_from_the_query_sets_each_cookie_and_redirects_to_cookies()
    {
        var response = await Client.GetAsync("/cookies/set?mycookie=value&other=2");

        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.Location!.OriginalString.ShouldBe("/cookies");
        response.Headers.GetValues("Set-Cookie").ShouldBe(["mycookie=value; Path=/", "other=2; Path=/"]);
    }

    [Test]
    public async Task Set_from_the_path_sets_one_cookie_and_redirects()
    {
        var response = await Client.GetAsync("/cookies/set/sessioncookie/123456789");

        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.GetValues("Set-Cookie").ShouldBe(["sessioncookie=123456789; Path=/"]);
    }

    [Test]
    public async Task Delete_expires_the_named_cookie_and_redirects()
    {
        var response = await Client.GetAsync("/cookies/delete?mycookie");

        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.GetValues("Set-Cookie").Single().ShouldBe("mycookie=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/");
    }

    [Test]
    public async Task A_followed_set_then_cookies_round_trip_shows_the_cookie()
    {
        using var browserLike = Server.CreateClient(); // follows redirects and keeps cookies
        var body = await browserLike.GetStringAsync("/cookies/set/contextcookie/abc");

        body.ShouldContain("\"contextcookie\":\"abc\"");
    }
}
