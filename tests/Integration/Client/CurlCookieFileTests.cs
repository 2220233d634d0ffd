using SessionClient;
using SessionKit.Tests.Integration.Standalone;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SessionKit.Tests.Integration.Client;

/// <summary>Cookie files cross the border with the real curl binary, both ways.</summary>
[NonParallelizable]
public class CurlCookieFileTests
{
    private WireMockServer _server = null!;
    private string _url = "";
    private string _dir = null!;

    [OneTimeSetUp]
    public void Start()
    {
        (_server, _url) = LoopbackPorts.StartWireMock("127.0.0.1");
        _server.Given(Request.Create().WithPath("/echo")).RespondWith(Response.Create().WithStatusCode(200));
        _server.Given(Request.Create().WithPath("/set")).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Set-Cookie", "sid=abc123; Path=/; HttpOnly", "pref=dark; Path=/; Max-Age=3600"));
        _dir = Directory.CreateTempSubdirectory("sessionkit-curl-").FullName;
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _server.Stop();
        Directory.Delete(_dir, recursive: true);
    }

    [SetUp]
    public void Clear() => _server.ResetLogEntries();

    private string CookieHeaderSeenAtEcho() =>
        string.Join("; ", _server.LogEntries.Single(e => e.RequestMessage.Path == "/echo").RequestMessage.Headers!
            .Where(h => h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase)).SelectMany(h => h.Value));

    [Test]
    public async Task Curl_sends_the_cookies_of_a_file_the_session_saved()
    {
        var curl = await ExternalTool.CurlAsync();
        var jar = new CookieJar();
        jar.Set("sid", "abc123", "127.0.0.1", httpOnly: true);
        jar.Set("pref", "dark", "127.0.0.1", expires: DateTimeOffset.UtcNow.AddHours(1));
        var file = Path.Combine(_dir, "from-session.txt");
        jar.Save(file);

        var result = await ExternalTool.RunAsync(curl, ["-s", "-v", "--max-time", "20", "-b", file, $"{_url}/echo"]);

        result.ExitCode.ShouldBe(0, result.StdErr);
        CookieHeaderSeenAtEcho().Split("; ").Order().ToList().ShouldBe(["pref=dark", "sid=abc123"], File.ReadAllText(file) + result.StdErr);
    }

    [Test]
    public async Task The_session_loads_and_sends_the_cookies_curl_wrote()
    {
        var curl = await ExternalTool.CurlAsync();
        var file = Path.Combine(_dir, "from-curl.txt");
        var result = await ExternalTool.RunAsync(curl, ["-s", "--max-time", "20", "-c", file, $"{_url}/set"]);
        result.ExitCode.ShouldBe(0, result.StdErr);

        await using var session = new HttpSession();
        session.Cookies.Load(file).ShouldBe(2);
        await session.GetAsync($"{_url}/echo");

        session.Cookies.Get("sid").ShouldNotBeNull().HttpOnly.ShouldBeTrue();
        session.Cookies.Get("pref").ShouldNotBeNull().Expires.ShouldNotBeNull();
        CookieHeaderSeenAtEcho().Split("; ").Order().ShouldBe(["pref=dark", "sid=abc123"]);
    }
}
