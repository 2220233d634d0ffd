using System.Net;
using FakeAuthServer.Testing;
using NUnit.Framework;
using SessionClient;

namespace Consumer.Tests;

public class RetryTests
{
    [Test]
    public async Task A_flaky_endpoint_is_retried_with_backoff_on_the_servers_clock()
    {
        await using var server = new FakeAuthServerFactory();
        // The session runs on the server's clock, so its backoff waits on it too: the test advances it.
        await using var session = new HttpSession(server.Server.CreateHandler(), timeProvider: server.Clock)
        {
            BaseAddress = new Uri("http://localhost/"),
        };
        session.Mount("http://localhost/", new RetryPolicy
        {
            Total = 3, BackoffFactor = TimeSpan.FromSeconds(0.1),
            StatusForcelist = new HashSet<int> { 500 }, AllowedMethods = new HashSet<string> { "GET" },
        });

        // The first two requests of this client fail, the third succeeds: 500, 500, 200.
        var pending = session.GetAsync("/flaky?fail_first=2", new RequestOptions { Headers = { ["X-Client-Id"] = "sample" } });
        // urllib3's backoff: 0 s before the first retry, 0.2 s before the second. Nothing waits in real time: the
        // loop moves the clock on while the request is in flight (bounded, it never hangs a run).
        for (var i = 0; i < 200 && !pending.IsCompleted; i++)
        {
            server.Clock.Advance(TimeSpan.FromSeconds(0.1));
            await Task.WhenAny(pending, Task.Delay(5));
        }

        var response = await pending;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
