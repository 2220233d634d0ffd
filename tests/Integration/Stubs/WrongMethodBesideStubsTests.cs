using System.Net;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace SessionKit.Tests.Integration.Stubs;

/// <summary>
/// With stubs on, the stub fallback sees every request no route takes, wrong methods included: those on the fake's
/// own routes and the test's routes stay 405, even for a route that opens with a parameter.
/// </summary>
public class WrongMethodBesideStubsTests : StubTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory()
        .WithRoutes(endpoints => endpoints.MapGet("/{tenant}/orders", (string tenant) => Results.Ok(tenant)))
        .WithStubs(wm => wm.Given(Request.Create().WithPath("/acme/invoices").UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("stub")));

    [Test]
    public async Task A_wrong_method_on_a_route_that_opens_with_a_parameter_is_405()
    {
        var response = await Client.PostAsync("/acme/orders", null);

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.ShouldBe(["GET"]);
    }

    [Test]
    public async Task A_path_beside_it_still_reaches_the_stub()
    {
        var response = await Client.PostAsync("/acme/invoices", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("stub");
    }
}
