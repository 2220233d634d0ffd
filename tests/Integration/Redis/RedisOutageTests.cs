using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SessionKit.Tests.Integration.Standalone;

namespace SessionKit.Tests.Integration.Redis;

/// <summary>What a FakeAuthServer on Redis does when Redis is not there: at start, and while it runs.</summary>
[NonParallelizable]
public class RedisOutageTests
{
    [Test]
    public async Task With_Redis_down_at_start_the_server_says_so_and_exits_non_zero()
    {
        var port = RedisServer.FreePort(); // nothing listens there
        var dll = StandaloneServer.Dll;

        var run = await ExternalTool.RunAsync("dotnet",
            [dll, "--urls", "http://127.0.0.1:0", .. SharedStateInstance.Args($"127.0.0.1:{port}", "outage:")],
            timeout: TimeSpan.FromSeconds(60));

        run.ExitCode.ShouldBe(1);
        run.StdErr.ShouldContain($"FakeAuthServer cannot start: Redis at 127.0.0.1:{port} is unreachable");
        run.StdOut.ShouldNotContain("Now listening");
        (run.StdOut + run.StdErr).ShouldNotContain("Unhandled exception");
    }

    [Test]
    public async Task While_Redis_is_down_state_gets_503_problem_details_and_service_resumes_when_it_returns()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var server = await SharedStateInstance.StartAsync(redis, "outage:");
        var cookie = await server.LoginAsync();

        await redis.StopAsync();

        using var protectedWhileDown = await server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/protected")
        {
            Headers = { { "Cookie", cookie } },
        });
        protectedWhileDown.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        protectedWhileDown.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await protectedWhileDown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()
            .ShouldBe("State store unavailable");
        protectedWhileDown.Headers.RetryAfter.ShouldNotBeNull();
        (await server.StatusOfAsync("/cookies")).ShouldBe(HttpStatusCode.OK); // no state needed: still served

        await redis.StartAgainAsync(); // empty: Redis ran without persistence, so the old session is gone

        var loggedIn = false;
        for (var attempt = 0; attempt < 100 && !loggedIn; attempt++) // bounded: the multiplexer reconnects within seconds
        {
            using var login = await server.PostFormAsync("/api/login", [new("username", "alice"), new("password", "wonderland")]);
            loggedIn = login.StatusCode == HttpStatusCode.OK;
            if (!loggedIn)
            {
                login.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
                await Task.Delay(100);
            }
        }
        loggedIn.ShouldBeTrue("the server should serve logins again once Redis is back");
        server.Output.ShouldNotContain("Unhandled exception");
    }
}
