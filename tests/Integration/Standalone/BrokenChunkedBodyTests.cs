using System.Net.Http.Json;

namespace SessionKit.Tests.Integration.Standalone;

/// <summary>
/// A chunk size too large for Kestrel to parse ("FFFFFFFFFFFFFFFFFFFF") makes reading the body throw a plain
/// IOException. Only a real socket shows it: TestServer never parses chunked framing.
/// </summary>
[NonParallelizable]
public class BrokenChunkedBodyTests
{
    private StandaloneServer _server = null!;
    private string _sessionCookie = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _server = await StandaloneServer.StartAsync("--admin");
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        var login = await http.PostAsJsonAsync("/api/login", new { username = "some_name", password = "pass" });
        var setCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("user_id=", StringComparison.Ordinal));
        _sessionCookie = setCookie[..setCookie.IndexOf(';')];
    }

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    public static IEnumerable<string> JsonEndpoints() =>
        ["/api/login", "/api/auth/login", "/api/auth/refresh", "/api/auth/2fa", "/api/notes", "/_admin/clock/advance"];

    [TestCaseSource(nameof(JsonEndpoints))]
    public async Task An_overflowing_chunk_size_in_a_JSON_body_gets_a_400_problem_not_a_500(string path)
    {
        var answer = await RawHttp.SendAsync(_server.BaseAddress,
            $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {_sessionCookie}\r\n" +
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n");

        answer.Status.ShouldBe(400, answer.Text);
        answer.Text.ShouldContain("Content-Type: application/problem+json", Case.Insensitive, answer.Text);
        answer.Text.ShouldContain("chunk", Case.Insensitive);
    }
}
