using System.Net;
using Microsoft.AspNetCore.Http;

namespace SessionKit.Tests.Integration.Server;

/// <summary>Regression tests for issue 16's three fidelity bugs, each checked against httpbin 0.7.0's answer.</summary>
public class HttpbinFidelityTests : ServerTestBase
{
    [TestCase("/get")]
    [TestCase("/headers")]
    [TestCase("/cookies")]
    [TestCase("/cookies/set?a=1")]
    [TestCase("/cookies/set/a/1")]
    [TestCase("/cookies/delete?a")]
    [TestCase("/basic-auth/u/p")]
    [TestCase("/bearer")]
    [TestCase("/redirect/2")]
    [TestCase("/ip")]
    [TestCase("/gzip")]
    [TestCase("/html")]
    [TestCase("/image/png")]
    [TestCase("/range/10")]
    [TestCase("/bytes/10")]
    [TestCase("/etag/x")]
    [TestCase("/response-headers?X-A=1")]
    [TestCase("/digest-auth/auth/u/p")]
    public async Task HEAD_is_answered_wherever_GET_is_with_the_same_headers_and_no_body(string path)
    {
        var get = await Client.GetAsync(path);
        var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        head.StatusCode.ShouldBe(get.StatusCode);
        head.Content.Headers.ContentType?.ToString().ShouldBe(get.Content.Headers.ContentType?.ToString());
        head.Headers.Location.ShouldBe(get.Headers.Location);
        (head.Headers.TryGetValues("Set-Cookie", out var headCookies) ? headCookies : []).ShouldBe(
            get.Headers.TryGetValues("Set-Cookie", out var getCookies) ? getCookies : []);
        if (get.Content.Headers.ContentLength is { } length) head.Content.Headers.ContentLength.ShouldBe(length);
        (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task Get_echoes_query_names_case_sensitively_and_repeated_ones_as_lists()
    {
        var response = await Client.GetAsync("/get?foo=bar&FOO=bar&a=1&a=2");

        var json = await JsonOf(response);
        json.GetProperty("args").GetRawText().ShouldBe("""{"FOO":"bar","a":["1","2"],"foo":"bar"}""");
        response.Content.Headers.ContentType!.ToString().ShouldBe("application/json");
    }

    [Test]
    public async Task Json_is_compact_with_sorted_keys_and_a_trailing_newline_as_httpbin_writes_it()
    {
        var body = await (await Client.GetAsync("/basic-auth/u/p", "u", "p")).Content.ReadAsStringAsync();

        body.ShouldBe("{\"authenticated\":true,\"user\":\"u\"}\n");
    }

    [TestCase("/cookies/set?foo=1&FOO=2", new[] { "foo=1; Path=/", "FOO=2; Path=/" })]
    [TestCase("/cookies/set?a=1&a=2", new[] { "a=1; Path=/" })]
    public async Task Cookies_set_takes_names_case_sensitively_and_the_first_of_repeated_values(string path, string[] cookies)
    {
        var response = await Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.GetValues("Set-Cookie").ShouldBe(cookies);
        response.Headers.Location!.OriginalString.ShouldBe("/cookies");
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=utf-8");
    }

    [TestCase("http://:1")]
    [TestCase("not a url at all")]
    [TestCase("//evil.example/")]
    public async Task Redirect_to_passes_the_target_through_for_the_client_to_judge(string url)
    {
        var context = await Server.Server.SendAsync(c =>
        {
            c.Request.Path = "/redirect-to";
            c.Request.QueryString = QueryString.Create("url", url);
        });

        context.Response.StatusCode.ShouldBe(StatusCodes.Status302Found);
        context.Response.Headers.Location.ToString().ShouldBe(url);
        context.Response.ContentType.ShouldBe("text/html; charset=utf-8");
    }

    [TestCase("/redirect-to?url=/get&status_code=200", 302)]
    [TestCase("/redirect-to?url=/get&status_code=399", 399)]
    [TestCase("/redirect-to?URL=/get&Status_Code=307", 307)]
    public async Task Redirect_to_names_are_case_insensitive_and_an_unusable_status_code_means_302(string path, int status)
    {
        var response = await Client.GetAsync(path);

        ((int)response.StatusCode).ShouldBe(status);
        response.Headers.Location!.OriginalString.ShouldBe("/get");
    }

    [TestCase("/redirect/3", "/relative-redirect/2")]
    [TestCase("/redirect/1", "/get")]
    [TestCase("/redirect/3?absolute=true", "http://localhost/absolute-redirect/2")]
    [TestCase("/redirect/1?absolute=TRUE", "http://localhost/get")]
    [TestCase("/relative-redirect/2", "/relative-redirect/1")]
    [TestCase("/relative-redirect/1", "/get")]
    [TestCase("/absolute-redirect/2", "http://localhost/absolute-redirect/1")]
    [TestCase("/absolute-redirect/1", "http://localhost/get")]
    public async Task Redirect_chains_go_through_relative_or_absolute_redirect_as_httpbin(string path, string location)
    {
        var response = await Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.Location!.OriginalString.ShouldBe(location);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=utf-8");
    }

    [Test]
    public async Task Httpbin_routes_answer_OPTIONS_and_allow_any_origin_without_echoing_it()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/anything/x");
        request.Headers.Add("Origin", "http://elsewhere.example");
        request.Headers.Add("Access-Control-Request-Headers", "X-A");

        var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"]);
        response.Headers.GetValues("Access-Control-Allow-Credentials").ShouldBe(["true"]);
        response.Headers.GetValues("Access-Control-Allow-Headers").ShouldBe(["X-A"]);
        response.Content.Headers.Allow.ShouldContain("PATCH");
        (await Client.GetAsync("/api/cookies")).Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse("the tutorial endpoints stay as they were");
    }

    [TestCase("POST", "/get")]
    [TestCase("GET", "/post")]
    [TestCase("POST", "/cookies/set/a/1")]
    [TestCase("DELETE", "/digest-auth/auth/u/p")]
    public async Task A_wrong_method_on_an_httpbin_route_still_carries_httpbins_CORS_headers(string method, string path)
    {
        var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"]);
        response.Headers.GetValues("Access-Control-Allow-Credentials").ShouldBe(["true"]);
    }

    [Test]
    public async Task A_wrong_method_on_a_tutorial_endpoint_gets_no_CORS_headers()
    {
        var response = await Client.GetAsync("/api/login");

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Test]
    public async Task A_content_type_asked_of_response_headers_is_sent_after_httpbins_own()
    {
        var response = await Client.GetAsync("/response-headers?Content-Type=text/plain");

        response.Content.Headers.GetValues("Content-Type").ShouldBe(["application/json", "text/plain"]);
    }

    [Test]
    public async Task Json_answers_escape_non_ascii_as_python_does()
    {
        var body = await Client.GetStringAsync("/get?x=%C3%A9%F0%9F%98%80");

        body.ShouldContain("""
            "x":"\u00e9\ud83d\ude00"
            """);
    }
}

internal static class BasicAuthClientExtensions
{
    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, string user, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client.SendAsync(request);
    }
}
