using System.Net;
using SessionKit.Tests.Integration.Server;

namespace SessionKit.Tests.Integration.Standalone;

/// <summary>
/// Redirect targets with control or non-ASCII characters against real Kestrel, which refuses such a Location
/// header only while writing the answer (a 500; TestServer writes anything): never a 5xx, always an ASCII Location.
/// </summary>
[NonParallelizable]
public class NonAsciiLocationTests
{
    private StandaloneServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await StandaloneServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [TestCase("/a%0Db", 400)]
    [TestCase("/a%0Ab", 400)]
    [TestCase("/a%00b", 400)]
    [TestCase("/a%01b", 400)]
    [TestCase("/a%7Fb", 400)]
    [TestCase("/a%E2%80%A8b", 302)]
    [TestCase("/%c3%a9", 302)]
    public async Task Redirect_to_answers_a_control_or_non_ASCII_url_without_a_5xx(string url, int status)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.BaseAddress };

        var response = await http.GetAsync($"/redirect-to?url={url}");

        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
        if (status == 302) response.Headers.NonValidated["Location"].ToString().ShouldAllBe(c => c >= 0x20 && c < 0x7F);
    }

    [TestCase("/caf\u00E9")]
    [TestCase("/\u3002evil.example")]
    [TestCase("/\uFF0Fevil.example")]
    [TestCase("/a\u2028b")]
    [TestCase("/a\u00A0b")]
    [TestCase("/a\u200Bb")]
    public async Task Form_login_with_a_non_ASCII_next_redirects_to_a_local_ASCII_path(string next)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
            { BaseAddress = _server.BaseAddress };
        var csrf = FormLoginBrowser.HiddenCsrf(await http.GetStringAsync("/login"));

        var login = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "some_name", ["password"] = "pass", ["csrf_token"] = csrf, ["next"] = next,
        }));

        login.StatusCode.ShouldBe(HttpStatusCode.Redirect, await login.Content.ReadAsStringAsync());
        var location = login.Headers.NonValidated["Location"].ToString();
        location.ShouldAllBe(c => c >= 0x20 && c < 0x7F);
        location.ShouldStartWith("/");
        location[1].ShouldNotBeOneOf('/', '\\');
    }
}
