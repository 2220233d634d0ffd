using System.Net;
using SessionClient;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SessionKit.Tests.Integration.Client;

/// <summary>A server that sends what real servers send: malformed, odd and far too many Set-Cookie headers.</summary>
[NonParallelizable]
public class OddSetCookieTests
{
    private WireMockServer _server = null!;
    private string _url = "";

    [OneTimeSetUp]
    public void Start()
    {
        (_server, _url) = LoopbackPorts.StartWireMock("127.0.0.1");
        _server.Given(Request.Create().WithPath("/odd")).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Set-Cookie",
            "noequals",
            "=nameless",
            "legacy=1; Expires=Wed, 09 Jun 2100 10:18:14 GMT, other=2",
            "badage=1; Max-Age=soon",
            "supercookie=1; Domain=.com",
            "elsewhere=1; Domain=example.org",
            "secure_over_http=1; Secure",
            "__Host-bad=1; Path=/app",
            "emptypath=1; Path",
            "quoted=\"a b\"; HttpOnly",
            new string('x', 5000) + "=big",
            ";;;;",
            "last=ok"));
        _server.Given(Request.Create().WithPath("/many")).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Set-Cookie", Enumerable.Range(0, 200).Select(i => $"k{i}={i}; Path=/").ToArray()));
    }

    [OneTimeTearDown]
    public void Stop() => _server.Stop();

    [Test]
    public async Task Malformed_set_cookie_headers_are_judged_one_by_one_and_never_throw()
    {
        await using var session = new HttpSession();

        var response = await session.GetAsync($"{_url}/odd");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = session.Cookies.ToDictionary();
        stored.Keys.ShouldBe(["legacy", "badage", "secure_over_http", "emptypath", "quoted", "last"], ignoreOrder: true);
        stored["legacy"].ShouldBe("1"); // one header, one cookie: never split on commas
        stored["quoted"].ShouldBe("\"a b\"");
    }

    [Test]
    public async Task Two_hundred_cookies_from_one_site_keep_the_newest_within_the_per_site_cap()
    {
        await using var session = new HttpSession();

        await session.GetAsync($"{_url}/many");

        var stored = session.Cookies.ToDictionary();
        stored.Count.ShouldBe(session.Cookies.Options.MaxCookiesPerDomain);
        stored.Keys.ShouldContain("k199");
        stored.Keys.ShouldNotContain("k0");
    }
}
