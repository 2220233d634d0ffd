using System.Net;
using FakeAuthServer.Flaky;
using FakeAuthServer.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SessionKit.Tests.Integration.Server;

/// <summary>FakeAuth:Flaky settings apply when the query names none; the query overrides them per request.</summary>
public class FlakyConfiguredFailFirstTests : ServerTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory().Configure(o =>
    {
        o.Flaky.FailFirst = 1;
        o.Flaky.Status = 503;
        o.Flaky.RetryAfter = "7";
    });

    [SetUp]
    public Task EveryTestStartsWithFreshCounters() => Server.Services.GetRequiredService<FlakyDice>().ResetAsync().AsTask();

    [Test]
    public async Task The_configured_run_status_and_retry_after_apply_to_a_bare_request()
    {
        var first = await Client.GetAsync("/flaky");
        first.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        first.Headers.GetValues("Retry-After").ShouldBe(["7"]);

        (await Client.GetAsync("/flaky")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Query_parameters_override_each_configured_default()
    {
        var response = await Client.GetAsync("/flaky?fail_first=2&status=429&retry_after=1");
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.GetValues("Retry-After").ShouldBe(["1"]);
        (await Client.GetAsync("/flaky?fail_first=2&status=429&retry_after=1")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await Client.GetAsync("/flaky?fail_first=2&status=429&retry_after=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [TestCase("failure_rate=1")]
    [TestCase("failure_rate=1&seed=3")]
    public async Task A_request_naming_failure_rate_or_seed_opts_out_of_the_configured_fail_first(string query)
    {
        (await Client.GetAsync("/flaky")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await Client.GetAsync("/flaky")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Client.GetAsync($"/flaky?{query}")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }
}

public class FlakyConfiguredDelayAndResetTests : ServerTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory().Configure(o =>
    {
        o.Flaky.FailureRate = 1;
        o.Flaky.Delay = TimeSpan.FromMilliseconds(250);
        o.Flaky.Mode = FlakyMode.Reset;
    });

    [Test]
    public async Task A_bare_request_waits_the_configured_delay_then_is_reset()
    {
        var delays = Server.Services.GetRequiredService<FlakyDice>().Delays;
        var pending = Client.GetAsync("/flaky");
        for (var polls = 0; delays.Waiting == 0; polls++)
        {
            polls.ShouldBeLessThan(10_000, "the server never started waiting out the delay");
            await Task.Delay(1);
        }
        pending.IsCompleted.ShouldBeFalse();

        Server.Clock.Advance(TimeSpan.FromMilliseconds(250));

        // In-process the dropped connection surfaces as a cancellation; a hang would be a TimeoutException.
        await Should.ThrowAsync<TaskCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task Query_parameters_override_the_configured_delay_and_mode() =>
        (await Client.GetAsync("/flaky?delay=0&mode=answer")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
}
