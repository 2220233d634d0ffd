using System.Diagnostics;
using System.Net;
using FakeAuthServer.Flaky;
using Microsoft.Extensions.DependencyInjection;

namespace SessionKit.Tests.Integration.Server;

/// <summary>
/// ?delay=ms waits on the server's clock. In-process that is the test's FakeTimeProvider: a delayed request never
/// completes until the test advances the clock, and completes as soon as it has — no sleeping.
/// </summary>
public class FlakyDelayTests : ServerTestBase
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(10);

    private FakeAuthServer.Clock.ClockWaits Delays => Server.Services.GetRequiredService<FlakyDice>().Delays;

    /// <summary>Polls (a millisecond at a time, bounded) until the server has its delay timer running.</summary>
    private async Task UntilServerIsWaitingAsync(int requests = 1)
    {
        var elapsed = Stopwatch.StartNew();
        while (Delays.Waiting < requests)
        {
            elapsed.Elapsed.ShouldBeLessThan(Cap, "the server never started waiting out the delay");
            await Task.Delay(1);
        }
    }

    [TestCase("failure_rate=0", HttpStatusCode.OK)]
    [TestCase("failure_rate=1", HttpStatusCode.InternalServerError)]
    [TestCase("failure_rate=1&status=503", HttpStatusCode.ServiceUnavailable)]
    public async Task A_delayed_request_completes_only_once_the_fake_clock_has_advanced_past_the_delay(string query, HttpStatusCode status)
    {
        var pending = Client.GetAsync($"/flaky?{query}&delay=1000");
        await UntilServerIsWaitingAsync();
        pending.IsCompleted.ShouldBeFalse();

        Server.Clock.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Yield();
        pending.IsCompleted.ShouldBeFalse("999 ms of a 1000 ms delay have passed");
        Delays.Waiting.ShouldBe(1);

        Server.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var response = await pending.WaitAsync(Cap);

        response.StatusCode.ShouldBe(status);
        Delays.Waiting.ShouldBe(0);
    }

    [Test]
    public async Task Delayed_requests_wait_side_by_side_and_finish_in_order_of_their_deadlines()
    {
        var late = Client.GetAsync("/flaky?failure_rate=0&delay=2000");
        var early = Client.GetAsync("/flaky?failure_rate=0&delay=500");
        await UntilServerIsWaitingAsync(requests: 2);

        Server.Clock.Advance(TimeSpan.FromMilliseconds(500));
        (await early.WaitAsync(Cap)).StatusCode.ShouldBe(HttpStatusCode.OK);
        late.IsCompleted.ShouldBeFalse();

        Server.Clock.Advance(TimeSpan.FromMilliseconds(1500));
        (await late.WaitAsync(Cap)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_client_that_gives_up_while_waiting_frees_the_server_wait()
    {
        using var giveUp = new CancellationTokenSource();
        var pending = Client.GetAsync("/flaky?failure_rate=0&delay=10000", giveUp.Token);
        await UntilServerIsWaitingAsync();

        await giveUp.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => pending.WaitAsync(Cap));
        var elapsed = Stopwatch.StartNew();
        while (Delays.Waiting > 0)
        {
            elapsed.Elapsed.ShouldBeLessThan(Cap, "the server kept waiting for a client that left");
            await Task.Delay(1);
        }
        (await Client.GetAsync("/flaky?failure_rate=0")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Delay_zero_answers_without_the_clock_moving() =>
        (await Client.GetAsync("/flaky?failure_rate=0&delay=0").WaitAsync(Cap)).StatusCode.ShouldBe(HttpStatusCode.OK);
}
