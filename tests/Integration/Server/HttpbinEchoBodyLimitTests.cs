using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SessionKit.Tests.Integration.Server;

/// <summary>
/// The httpbin echo routes take uploads as large as client test suites send (LargeBody, 16 MiB), while the login
/// endpoints keep FakeAuth:MaxRequestBodyBytes.
/// </summary>
public class HttpbinEchoBodyLimitTests : ServerTestBase
{
    [TestCase("/post", "POST")]
    [TestCase("/anything/upload", "PUT")]
    public async Task A_ten_megabyte_multipart_upload_is_echoed(string path, string method)
    {
        var file = new byte[10 * 1024 * 1024];
        Array.Fill(file, (byte)'x');
        using var content = new MultipartFormDataContent { { new ByteArrayContent(file), "upload", "big.txt" }, { new StringContent("v"), "field" } };

        var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = content });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        json.GetProperty("files").GetProperty("upload").GetString()!.Length.ShouldBe(file.Length);
        json.GetProperty("form").GetProperty("field").GetString().ShouldBe("v");
    }

    [Test]
    public async Task The_login_keeps_the_small_limit()
    {
        var response = await Client.PostAsync("/api/login", new ByteArrayContent(new byte[100_000])
            { Headers = { ContentType = new("application/x-www-form-urlencoded") } });

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task An_echo_body_past_16_MiB_is_refused_with_413()
    {
        var response = await Client.PostAsync("/post", new ByteArrayContent(new byte[16 * 1024 * 1024 + 1]));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
