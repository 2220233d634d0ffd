using System.Net;
using FakeAuthServer.Testing;

namespace SessionKit.Tests.Integration.Server;

/// <summary>What a browser page elsewhere could send to an admin API on a developer's machine is refused.</summary>
public class AdminRequestGuardTests : ServerTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory().WithAdminApi();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? host = null, string? origin = null,
        HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (host is not null) request.Headers.Host = host;
        if (origin is not null) request.Headers.Add("Origin", origin);
        return await Client.SendAsync(request);
    }

    [TestCase("evil.example")]
    [TestCase("evil.example:8000")]
    [TestCase("10.0.0.5:8000")]
    [TestCase("localhost.evil.example")]
    public async Task A_request_whose_host_is_not_loopback_is_refused_so_dns_rebinding_cannot_read_sessions(string host)
    {
        var response = await SendAsync(HttpMethod.Get, "/_admin/sessions", host: host);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Host");
    }

    [TestCase("localhost")]
    [TestCase("localhost:8000")]
    [TestCase("127.0.0.1:8000")]
    [TestCase("127.9.9.9")]
    [TestCase("[::1]:8000")]
    [TestCase("app.localhost:8000")]
    public async Task A_request_to_a_loopback_host_is_served(string host) =>
        (await SendAsync(HttpMethod.Get, "/_admin/sessions", host: host)).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Test]
    public async Task A_cross_site_form_post_is_refused_and_does_not_move_the_clock()
    {
        var before = Server.Clock.GetUtcNow();

        var response = await SendAsync(HttpMethod.Post, "/_admin/clock/advance?seconds=3600", origin: "http://evil.example",
            content: new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Origin");
        Server.Clock.GetUtcNow().ShouldBe(before);
    }

    [TestCase("null")]
    [TestCase("http://evil.example:80")]
    [TestCase("not a url")]
    public async Task An_origin_that_is_not_this_machine_is_refused(string origin) =>
        (await SendAsync(HttpMethod.Post, "/_admin/reset", origin: origin)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

    [TestCase("http://localhost")]
    [TestCase("http://localhost:3000")]
    [TestCase("http://127.0.0.1:5173")]
    public async Task A_page_on_this_machine_may_call_the_admin_api(string origin) =>
        (await SendAsync(HttpMethod.Post, "/_admin/reset", origin: origin)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

    [Test]
    public async Task A_client_that_sends_no_origin_is_served() =>
        (await SendAsync(HttpMethod.Post, "/_admin/reset")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
}
