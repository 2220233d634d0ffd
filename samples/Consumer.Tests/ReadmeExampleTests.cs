using System.Net;
using FakeAuthServer.Testing;
using NUnit.Framework;

namespace Consumer.Tests;

public class ReadmeExampleTests
{
    [Test]
    public async Task A_session_expires_on_the_servers_clock()
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
