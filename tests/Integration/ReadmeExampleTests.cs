using System.Net;
using FakeAuthServer.Testing;

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
