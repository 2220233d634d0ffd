using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FakeAuthServer.Endpoints.Httpbin;
using Microsoft.Extensions.DependencyInjection;

namespace SessionKit.Tests.Integration.Server;

/// <summary>
/// /delay/{n} and /drip wait on the server's clock: in-process the fixture's FakeTimeProvider, so a request
/// completes only when the test advances it — no sleeping.
/// </summary>
public class HttpbinDelayTests : ServerTestBase
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(10);

    private HttpbinWaits Waits => Server.Services.GetRequiredService<HttpbinWaits>();

    /// <summary>Polls (a millisecond at a time, bounded) until the server has its wait timer running.</summary>
    private async Task UntilServerIsWaitingAsync()
    {
        var elapsed = Stopwatch.StartNew();
        while (Waits.Waiting < 1)
        {
            elapsed.Elapsed.ShouldBeLessThan(Cap, "the server never started waiting");
            await Task.Delay(1);
        }
    }

    [Test]
    public async Task Delay_answers_only_once_the_server_clock_has_moved_n_seconds()
    {
        var pending = Client.GetAsync("/delay/3?x=1");
        await UntilServerIsWaitingAsync();

        Server.Clock.Advance(TimeSpan.FromSeconds(2.9));
        await Task.Yield();
        pending.IsCompleted.ShouldBeFalse("2.9 of 3 seconds have passed");

        Server.Clock.Advance(TimeSpan.FromSeconds(0.1));
        var response = await pending.WaitAsync(Cap);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("args").GetProperty("x").GetString().ShouldBe("1");
    }

    [Test]
    public async Task Delay_is_capped_at_ten_seconds_as_in_httpbin()
    {
        var pending = Client.GetAsync("/delay/60");
        await UntilServerIsWaitingAsync();

        Server.Clock.Advance(TimeSpan.FromSeconds(10));

        (await pending.WaitAsync(Cap)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Drip_waits_its_delay_then_sends_its_bytes_over_the_duration()
    {
        var pending = Client.GetAsync("/drip?numbytes=2&duration=2&delay=1&code=201");
        await UntilServerIsWaitingAsync();
        Server.Clock.Advance(TimeSpan.FromSeconds(1)); // the delay
        for (var i = 0; i < 2; i++)
        {
            await UntilServerIsWaitingAsync();
            Server.Clock.Advance(TimeSpan.FromSeconds(1)); // one byte's pause
        }
        var response = await pending.WaitAsync(Cap);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await response.Content.ReadAsStringAsync()).ShouldBe("**");
    }

    [Test]
    public async Task Range_with_a_duration_paces_its_chunks_on_the_server_clock()
    {
        // 30 bytes over 30 s in chunks of 10: a second per byte, so 10 s after each of the three chunks.
        var pending = Client.GetAsync("/range/30?duration=30&chunk_size=10");
        for (var chunk = 0; chunk < 3; chunk++)
        {
            await UntilServerIsWaitingAsync();
            pending.IsCompleted.ShouldBeFalse($"{chunk * 10} of 30 seconds have passed");
            Server.Clock.Advance(TimeSpan.FromSeconds(10));
        }
        var response = await pending.WaitAsync(Cap);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("abcdefghijklmnopqrstuvwxyzabcd");
    }

    [Test]
    public async Task Range_with_a_duration_still_honours_the_range_header()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/range/26?duration=26&chunk_size=100") { Headers = { Range = new(2, 4) } };
        var pending = Client.SendAsync(request);
        await UntilServerIsWaitingAsync(); // the short last chunk waits before it is sent: 3 bytes, 3 s
        Server.Clock.Advance(TimeSpan.FromSeconds(3));
        var response = await pending.WaitAsync(Cap);

        response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await response.Content.ReadAsStringAsync()).ShouldBe("cde");
        response.Content.Headers.ContentRange!.ToString().ShouldBe("bytes 2-4/26");
    }
}
