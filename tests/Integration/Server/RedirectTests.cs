using System.Net;

namespace SessionKit.Tests.Integration.Server;

public class RedirectTests : ServerTestBase
{
    [TestCase("/redirect/3", "/relative-redirect/2")]
    [TestCase("/redirect/1", "/get")]
    [TestCase("/redirect-to?url=/cookies", "/cookies")]
    [TestCase("/redirect-to?url=http://127.0.0.1:9/x", "http://127.0.0.1:9/x")]
    public async Task Redirects_point_where_httpbin_points(string path, string location)
    {
        var response = await Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.Location!.OriginalString.ShouldBe(location);
    }

    [Test]
    public async Task Redirect_to_uses_the_status_code_asked_for()
    {
        var response = await Client.PostAsync("/redirect-to?url=/get&status_code=307", null);

        response.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
    }
}

public class IndexPageTests : ServerTestBase
{
    [Test]
    public async Task The_index_lists_the_endpoints_and_the_demo_users()
    {
        var response = await Client.GetAsync("/");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("/api/login");
        html.ShouldContain("/basic-auth/{user}/{passwd}");
        html.ShouldContain("<code>some_name</code>");
    }
}
