using System.Net;
using SessionClient;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SessionKit.Tests.Integration.Client;

/// <summary>
/// Two WireMock servers on two loopback hosts are two origins. Nothing secret may cross from one to the other on
/// a redirect: not Authorization, not Proxy-Authorization, not an explicit Cookie header, not a jar cookie.
/// </summary>
[NonParallelizable]
public class CrossOriginRedirectTests
{
    private WireMockServer _a = null!;      // 127.0.0.1
    private WireMockServer _b = null!;      // 127.0.0.2: another host
    private WireMockServer _aPort2 = null!; // 127.0.0.1 on another port: same host, another origin
    private string _aUrl = "", _bUrl = "", _aPort2Url = "";

    [OneTimeSetUp]
    public void StartServers()
    {
        (_a, _aUrl) = LoopbackPorts.StartWireMock("127.0.0.1");
        (_b, _bUrl) = LoopbackPorts.StartWireMock("127.0.0.2");
        (_aPort2, _aPort2Url) = LoopbackPorts.StartWireMock("127.0.0.1");
        foreach (var server in new[] { _a, _b, _aPort2 })
            server.Given(Request.Create().WithPath("/landing").UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("landed"));
    }

    [OneTimeTearDown]
    public void StopServers()
    {
        _a.Stop();
        _b.Stop();
        _aPort2.Stop();
    }

    [SetUp]
    public void ClearLogs()
    {
        _a.ResetLogEntries();
        _b.ResetLogEntries();
        _aPort2.ResetLogEntries();
    }

    private void RedirectFromA(string path, string target, string? setCookie = null)
    {
        var response = Response.Create().WithStatusCode(302).WithHeader("Location", target);
        if (setCookie is not null) response = response.WithHeader("Set-Cookie", setCookie);
        _a.Given(Request.Create().WithPath(path).UsingAnyMethod()).RespondWith(response);
    }

    private static Dictionary<string, string> HeadersSeenBy(WireMockServer server, string path)
    {
        var entry = server.LogEntries.Single(e => e.RequestMessage.Path == path);
        return entry.RequestMessage.Headers!.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
    }

    private static HttpSession NewSession() => new() { Auth = new BasicAuth("user", "secret") };

    [Test]
    public async Task Credentials_and_cookies_do_not_follow_a_redirect_to_another_host()
    {
        RedirectFromA("/to-b", $"{_bUrl}/landing", setCookie: "a_session=s3cret; Path=/");
        await using var session = NewSession();

        var response = await session.GetAsync($"{_aUrl}/to-b", new RequestOptions
        {
            Headers = { ["Proxy-Authorization"] = "Basic cHJveHk6cHc=", ["Cookie"] = "explicit=1" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        HeadersSeenBy(_a, "/to-b").ShouldContainKey("Authorization");
        var seenByB = HeadersSeenBy(_b, "/landing");
        seenByB.ShouldNotContainKey("Authorization");
        seenByB.ShouldNotContainKey("Proxy-Authorization");
        seenByB.ShouldNotContainKey("Cookie");
        session.Cookies.ToDictionary().Keys.ShouldContain("a_session");
    }

    [Test]
    public async Task Credentials_do_not_follow_a_redirect_to_another_port_of_the_same_host()
    {
        RedirectFromA("/to-port", $"{_aPort2Url}/landing", setCookie: "host_cookie=1; Path=/");
        await using var session = NewSession();

        await session.GetAsync($"{_aUrl}/to-port");

        var seen = HeadersSeenBy(_aPort2, "/landing");
        seen.ShouldNotContainKey("Authorization");
        // RFC 6265 cookies are scoped by host, not port: a browser sends this one too, and so does the session.
        seen["Cookie"].ShouldBe("host_cookie=1");
    }

    [Test]
    public async Task Credentials_are_not_restored_when_the_chain_comes_back_to_the_first_origin()
    {
        _b.Given(Request.Create().WithPath("/bounce").UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", $"{_aUrl}/landing"));
        RedirectFromA("/via-b", $"{_bUrl}/bounce", setCookie: "a_cookie=1; Path=/");
        await using var session = NewSession();

        await session.GetAsync($"{_aUrl}/via-b");

        var back = HeadersSeenBy(_a, "/landing");
        back.ShouldNotContainKey("Authorization");
        back["Cookie"].ShouldBe("a_cookie=1"); // the jar judges each hop: A's cookie is A's again
        HeadersSeenBy(_b, "/bounce").ShouldNotContainKey("Cookie");
    }

    [Test]
    public async Task Credentials_stay_on_a_same_origin_redirect()
    {
        RedirectFromA("/same", "/landing");
        await using var session = NewSession();

        await session.GetAsync($"{_aUrl}/same");

        HeadersSeenBy(_a, "/landing")["Authorization"].ShouldStartWith("Basic ");
    }
}
