using System.Net;
using Microsoft.AspNetCore.Http;

namespace SessionKit.Tests.Integration.Server;

/// <summary>
/// Location is an ASCII header (Kestrel refuses anything else while writing the answer, a 500). A target with
/// other characters is percent-encoded as UTF-8, as browsers and httpbin do; one with a control character
/// (C0, DEL, C1) is no URL a client should follow, and is refused.
/// </summary>
public class RedirectToUnsafeUrlTests : ServerTestBase
{
    [TestCase("/%c3%a9", "/%C3%A9")]
    [TestCase("/a%E2%80%A8b", "/a%E2%80%A8b")] // U+2028 LINE SEPARATOR is not a control character
    [TestCase("/a%E2%80%A9b", "/a%E2%80%A9b")]
    [TestCase("/%C2%A0", "/%C2%A0")]
    [TestCase("http://127.0.0.1:9/caf%C3%A9?q=%E2%9C%93", "http://127.0.0.1:9/caf%C3%A9?q=%E2%9C%93")]
    [TestCase("/a%20b", "/a b")] // the query is decoded once; a space is ASCII and left as httpbin leaves it
    public async Task A_non_ASCII_target_is_percent_encoded_into_the_Location(string url, string location)
    {
        // The raw header as the server wrote it: HttpClient would hand back a Uri it escaped by itself.
        var context = await Server.Server.SendAsync(c =>
        {
            c.Request.Path = "/redirect-to";
            c.Request.QueryString = new QueryString($"?url={url}");
        });

        context.Response.StatusCode.ShouldBe(StatusCodes.Status302Found);
        var header = context.Response.Headers.Location.ToString();
        header.ShouldBe(location);
        header.ShouldAllBe(c => c >= 0x20 && c < 0x7F);
    }

    [TestCase("/a%0Db", TestName = "A target with CR is refused with 400 naming url")]
    [TestCase("/a%0Ab", TestName = "A target with LF is refused with 400 naming url")]
    [TestCase("/a%00b", TestName = "A target with NUL is refused with 400 naming url")]
    [TestCase("/a%01b", TestName = "A target with 0x01 is refused with 400 naming url")]
    [TestCase("/a%09b", TestName = "A target with a tab is refused with 400 naming url")]
    [TestCase("/a%7Fb", TestName = "A target with DEL is refused with 400 naming url")]
    [TestCase("/a%C2%85b", TestName = "A target with the C1 control NEL is refused with 400 naming url")]
    public async Task A_target_with_a_control_character_is_refused(string url)
    {
        var response = await Client.GetAsync($"/redirect-to?url={url}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await JsonOf(response)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("url");
    }
}
