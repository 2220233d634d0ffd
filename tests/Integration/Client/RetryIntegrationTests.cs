using Microsoft.Extensions.Logging;
using System.Net;
using SessionClient;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SessionKit.Tests.Integration.Client;

/// <summary>Retries against servers that really fail: WireMock scenario states and faults, and the fake server's /flaky.</summary>
[NonParallelizable]
public class RetryIntegrationTests : InProcessSessionTestBase
{
    private static readonly RetryPolicy Seed002 = new()
    {
        Total = 3, StatusForcelist = new HashSet<int> { 500 }, AllowedMethods = new HashSet<string> { "GET" },
    };

    private WireMockServer _wire = null!;
    private string _url = "";

    [OneTimeSetUp]
    public void StartWireMock()
    {
        (_wire, _url) = LoopbackPorts.StartWireMock("127.0.0.1");
        _wire.Given(Request.Create().WithPath("/sequence")).InScenario("sequence").WillSetStateTo("failed once")
            .RespondWith(Response.Create().WithStatusCode(500));
        _wire.Given(Request.Create().WithPath("/sequence")).InScenario("sequence").WhenStateIs("failed once").WillSetStateTo("failed twice")
            .RespondWith(Response.Create().WithStatusCode(500));
        _wire.Given(Request.Create().WithPath("/sequence")).InScenario("sequence").WhenStateIs("failed twice")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("finally"));
    }

    [OneTimeTearDown]
    public void StopWireMock() => _wire.Stop();

    [SetUp]
    public void ResetScenarios()
    {
        _wire.ResetScenarios();
        _wire.ResetLogEntries();
    }

    [Test]
    public async Task A_500_500_200_sequence_is_retried_to_success_on_real_sockets()
    {
        await using var session = new HttpSession();
        session.Mount(_url, Seed002);

        var response = await session.GetAsync($"{_url}/sequence");

        (await response.Content.ReadAsStringAsync()).ShouldBe("finally");
        _wire.LogEntries.Count().ShouldBe(3);
    }

    [Test]
    public async Task A_dropped_connection_is_a_read_error_retried_for_a_get()
    {
        await using var server = new DroppingSocketServer(drops: 2);
        await using var session = new HttpSession();
        session.Mount(server.Url, new RetryPolicy { Total = 3 });

        (await (await session.GetAsync($"{server.Url}/")).Content.ReadAsStringAsync()).ShouldBe("recovered");
        server.Connections.ShouldBe(3);
    }

    [Test]
    public async Task A_dropped_connection_on_a_post_is_not_retried()
    {
        await using var server = new DroppingSocketServer(drops: 1);
        await using var session = new HttpSession();
        session.Mount(server.Url, new RetryPolicy { Total = 3 });

        await Should.ThrowAsync<HttpRequestException>(() => session.PostFormAsync($"{server.Url}/", [new("a", "1")]));
        server.Connections.ShouldBe(1);
    }

    [Test]
    public async Task A_refused_connection_is_retried_then_reported_with_the_attempts()
    {
        var closedPort = LoopbackPorts.Free("127.0.0.1");
        await using var session = new HttpSession();
        session.Mount("http://127.0.0.1", new RetryPolicy { Total = 2 });

        var error = await Should.ThrowAsync<RetryExhaustedException>(() => session.GetAsync($"http://127.0.0.1:{closedPort}/"));

        error.Attempts.ShouldBe(3);
        error.Message.ShouldContain("connect");
    }

    [Test]
    public async Task Flaky_at_failure_rate_one_exhausts_the_seed_policy_in_four_attempts()
    {
        await using var session = NewSession();
        session.Mount("http://localhost", Seed002);

        var error = await Should.ThrowAsync<RetryExhaustedException>(() => session.GetAsync("/flaky?failure_rate=1"));

        error.Attempts.ShouldBe(4);
        error.LastStatus.ShouldBe(500);
    }

    [Test]
    public async Task Flaky_with_a_seed_takes_as_many_attempts_as_its_sequence_says()
    {
        // FakeAuthServer documents /flaky?seed=S as the draws of new Random(S) compared with failure_rate.
        const int seed = 20261123;
        var draws = new Random(seed);
        var expectedAttempts = 1;
        while (draws.NextDouble() < 0.5 && expectedAttempts < 4) expectedAttempts++;
        var log = new TestLogger(LogLevel.Debug);
        await using var session = NewSession();
        session.Logger = log;
        session.Mount("http://localhost", Seed002 with { RaiseOnStatus = false });

        await session.GetAsync($"/flaky?failure_rate=0.5&seed={seed}");

        log.Texts.Count(l => l.StartsWith("GET http://localhost/flaky", StringComparison.Ordinal)).ShouldBe(expectedAttempts);
    }

    [Test]
    public async Task Fail_first_two_gives_the_exact_500_500_200_sequence_in_process()
    {
        var log = new TestLogger(LogLevel.Debug);
        await using var session = NewSession();
        session.Logger = log;
        session.Headers["X-Client-Id"] = "retry-exact-sequence";
        session.Mount("http://localhost", Seed002);

        var response = await session.GetAsync("/flaky?fail_first=2");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        log.Texts.Where(l => l.StartsWith("GET ", StringComparison.Ordinal)).Select(l => l.Split(" -> ")[1][..3])
            .ShouldBe(["500", "500", "200"]);
        log.Texts.Count(l => l.StartsWith("Incremented Retry", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Test]
    public async Task A_503_with_retry_after_is_retried_even_when_the_forcelist_does_not_name_it()
    {
        await using var session = NewSession();
        session.Headers["X-Client-Id"] = "retry-after-503";
        session.Mount("http://localhost", Seed002);

        var response = await session.GetAsync("/flaky?fail_first=1&status=503&retry_after=0");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_post_to_a_failing_endpoint_is_sent_once()
    {
        var log = new TestLogger(LogLevel.Debug);
        await using var session = NewSession();
        session.Logger = log;
        session.Headers["X-Client-Id"] = "post-once";
        session.Mount("http://localhost", new RetryPolicy { Total = 3, StatusForcelist = new HashSet<int> { 405, 500 } });

        var response = await session.PostFormAsync("/flaky?fail_first=5", [new("a", "1")]);

        ((int)response.StatusCode).ShouldBeGreaterThanOrEqualTo(400);
        log.Texts.Count(l => l.StartsWith("POST ", StringComparison.Ordinal)).ShouldBe(1);
    }
}
