using System.Net;
using FakeAuthServer.Testing;
using NUnit.Framework;
using SessionClient;

namespace Consumer.Tests;

public class FormLoginTests
{
    [Test]
    public async Task The_form_login_finds_the_csrf_token_and_reaches_the_dashboard()
    {
        await using var server = new FakeAuthServerFactory().WithUser("bob", "builder");
        await using var session = new HttpSession(server.Server.CreateHandler(), timeProvider: server.Clock)
        {
            BaseAddress = new Uri("http://localhost/"),
        };

        await new FormLogin("/login", "bob", "builder").LoginAsync(session);

        var dashboard = await session.GetAsync("/dashboard");
        Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await dashboard.Content.ReadAsStringAsync(), Does.Contain("bob"));
    }
}
