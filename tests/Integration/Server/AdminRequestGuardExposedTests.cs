using System.Net;
using FakeAuthServer.Admin;
using FakeAuthServer.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SessionKit.Tests.Integration.Server;

/// <summary>With the API deliberately exposed, other Host values are served, but other sites' pages still are not.</summary>
public class AdminRequestGuardExposedTests : ServerTestBase
{
    protected override FakeAuthServerFactory CreateServer() =>
        new FakeAuthServerFactory().WithAdminApi()
            .ConfigureServices(s => s.PostConfigure<AdminOptions>(o => o.AllowAnyAddress = true));

    [Test]
    public async Task Any_host_is_served_but_another_origin_is_still_refused()
    {
        var plain = new HttpRequestMessage(HttpMethod.Get, "/_admin/sessions") { Headers = { Host = "testbox.lan:8000" } };
        (await Client.SendAsync(plain)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var sameOrigin = new HttpRequestMessage(HttpMethod.Post, "/_admin/reset") { Headers = { Host = "testbox.lan:8000" } };
        sameOrigin.Headers.Add("Origin", "http://testbox.lan:8000");
        (await Client.SendAsync(sameOrigin)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var crossSite = new HttpRequestMessage(HttpMethod.Post, "/_admin/reset") { Headers = { Host = "testbox.lan:8000" } };
        crossSite.Headers.Add("Origin", "http://localhost:3000");
        (await Client.SendAsync(crossSite)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
