using System.Net;
using FakeAuthServer.Guards;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.Builder;
using SessionClient;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace SessionKit.Tests.Integration;

/// <summary>The in-process example from README.md, verbatim, so the docs cannot rot.</summary>
public class ReadmeExampleTests
{
    [Test]
    public async Task The_readme_in_process_example_runs_as_written()
    {
        await using var server = new FakeAuthServerFactory().WithSessionLifetime(TimeSpan.FromMinutes(30));
        var client = server.CreateClient();   // keeps cookies, like a requests.Session

        var login = await client.PostAsync("/api/login", new FormUrlEncodedContent(FakeAuthServerFactory.DemoCredentials));
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync("/protected")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        server.Clock.Advance(TimeSpan.FromMinutes(31));   // the session expires on the server's clock
        Assert.That((await client.GetAsync("/protected")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}

public class ReadmeClientExampleTests
{
    [Test]
    public async Task The_readme_client_example_runs_as_written()
    {
        await using var server = new FakeAuthServerFactory();
        var cookieFile = Path.Combine(Path.GetTempPath(), $"sessionkit-readme-{Guid.NewGuid():N}.txt");
        try
        {
            await using var session = new HttpSession(server.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost/") };
            session.Headers["X-Team"] = "sessionkit";                     // sent with every request
            await session.PostFormAsync("/api/login", FakeAuthServerFactory.DemoCredentials);
            var response = await session.GetAsync("/protected");           // the user_id cookie goes along
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

            var echoed = await session.GetAsync("/api/cookies", new RequestOptions { Cookies = { ["once"] = "1" } });
            Assert.That(echoed.SetCookies().ToDictionary()["once"], Is.EqualTo("1"));   // requests' response.cookies

            session.Cookies.Save(cookieFile);                              // curl -b cookie-file reads it

            File.ReadAllText(cookieFile).ShouldContain("\tuser_id\t");
        }
        finally
        {
            File.Delete(cookieFile);
        }
    }
}

/// <summary>"Your own API behind the fake login" from README.md, verbatim.</summary>
public class ReadmeStubsExampleTests
{
    [Test]
    public async Task The_readme_own_api_example_runs_as_written()
    {
        await using var server = new FakeAuthServerFactory()
            .WithRoutes(api => api.MapGet("/account/profile", (AuthenticatedCaller caller) => new { name = caller.User }).RequireSession())
            .WithStubs(wm => wm.Given(Request.Create().WithPath("/account/orders").WithHeader("X-FakeAuth-User", "some_name"))
                               .RespondWith(Response.Create().WithBodyAsJson(new[] { new { id = "A-1" } })),
                       guards => guards.Session("/account").Bearer("/v1", scope: "invoices.read"));
        var client = server.CreateClient();                                                    // keeps cookies

        Assert.That((await client.GetAsync("/account/orders")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await client.PostAsync("/api/login", new FormUrlEncodedContent(FakeAuthServerFactory.DemoCredentials));
        Assert.That(await client.GetStringAsync("/account/orders"), Is.EqualTo("""[{"id":"A-1"}]"""));      // the stub
        Assert.That(await client.GetStringAsync("/account/profile"), Is.EqualTo("""{"name":"some_name"}""")); // your route

        server.Clock.Advance(TimeSpan.FromHours(1));                     // the session ends on the server's clock
        Assert.That((await client.GetAsync("/account/orders")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
