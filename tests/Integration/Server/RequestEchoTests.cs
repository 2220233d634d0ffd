namespace SessionKit.Tests.Integration.Server;

public class RequestEchoTests : ServerTestBase
{
    [Test]
    public async Task Headers_echoes_the_request_headers()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/headers");
        request.Headers.Add("X-Test", "session");
        request.Headers.UserAgent.ParseAdd("stdlib-sniper/1.0");

        var json = await JsonOf(await Client.SendAsync(request));

        var headers = json.GetProperty("headers");
        headers.GetProperty("X-Test").GetString().ShouldBe("session");
        headers.GetProperty("User-Agent").GetString().ShouldBe("stdlib-sniper/1.0");
    }

    [Test]
    public async Task Get_echoes_args_headers_origin_and_url()
    {
        var json = await JsonOf(await Client.GetAsync("/get?session_param=persistent&x=1&x=2"));

        json.GetProperty("args").GetProperty("session_param").GetString().ShouldBe("persistent");
        json.GetProperty("args").GetProperty("x").EnumerateArray().Select(e => e.GetString()).ShouldBe(["1", "2"]);
        json.GetProperty("url").GetString().ShouldBe("http://localhost/get?session_param=persistent&x=1&x=2");
        json.TryGetProperty("headers", out _).ShouldBeTrue();
        json.TryGetProperty("origin", out _).ShouldBeTrue();
    }
}
