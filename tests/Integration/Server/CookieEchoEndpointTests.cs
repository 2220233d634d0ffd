using System.Net;

namespace SessionKit.Tests.Integration.Server;

public class CookieEchoEndpointTests : ServerTestBase
{
    [Test]
    public async Task Every_received_cookie_comes_back_as_a_set_cookie_and_as_json()
    {
        var response = await GetWithCookieAsync("/api/cookies", "user_id=2; theme=dark");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Set-Cookie").ShouldBe(["user_id=2; Path=/", "theme=dark; Path=/"]);
        var cookies = (await JsonOf(response)).GetProperty("cookies");
        cookies.GetProperty("user_id").GetString().ShouldBe("2");
        cookies.GetProperty("theme").GetString().ShouldBe("dark");
    }

    [Test]
    public async Task No_cookies_means_no_set_cookie_and_an_empty_object()
    {
        var response = await Client.GetAsync("/api/cookies");

        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"cookies":{}}""");
    }

    [Test]
    public async Task A_cookie_that_cannot_be_written_back_into_a_header_is_only_in_the_json()
    {
        var response = await GetWithCookieAsync("/api/cookies", "ok=1; bad\"name=2; semi=\"a\\b\"");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Set-Cookie").ShouldBe(["ok=1; Path=/"]);
        (await JsonOf(response)).GetProperty("cookies").GetProperty("bad\"name").GetString().ShouldBe("2");
    }

    private static string ManyCookies(int count) => string.Join("; ", Enumerable.Range(1, count).Select(i => $"c{i}={i}"));

    [Test]
    public async Task Fifty_cookies_are_all_echoed()
    {
        var response = await GetWithCookieAsync("/api/cookies", ManyCookies(50));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Set-Cookie").Count().ShouldBe(50);
        (await JsonOf(response)).GetProperty("cookies").EnumerateObject().Count().ShouldBe(50);
    }

    [TestCase(51)]
    [TestCase(3000)]
    public async Task More_than_fifty_cookies_get_a_400_problem_naming_the_limit_and_no_set_cookie(int count)
    {
        var response = await GetWithCookieAsync("/api/cookies", ManyCookies(count));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
        (await JsonOf(response)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("at most 50");
    }

    [Test]
    public async Task A_name_sent_many_times_counts_once()
    {
        var response = await GetWithCookieAsync("/api/cookies", string.Join("; ", Enumerable.Repeat("same=1", 60)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Set-Cookie").ShouldBe(["same=1; Path=/"]);
    }
}
