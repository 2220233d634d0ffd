using System.Net;
using System.Net.Http.Json;
using FakeAuthServer.Testing;

namespace SessionKit.Tests.Integration.Server;

/// <summary>A flood of made-up names must not buy an attacker more guesses at a real account.</summary>
public class LockoutFloodTests : ServerTestBase
{
    private const int FloodSize = 20_000;

    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory().WithUser("victim", "right");

    [Test]
    public async Task A_locked_user_stays_locked_through_twenty_thousand_failed_logins_with_unknown_names()
    {
        for (var i = 0; i < 5; i++) (await LoginAsync("victim", "wrong")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync("victim", "right")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        var statuses = await FloodAsync(n => $"nobody-{n}");

        statuses.ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        (await LoginAsync("victim", "right")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    private async Task<HttpStatusCode[]> FloodAsync(Func<int, string> name)
    {
        var statuses = new HttpStatusCode[FloodSize];
        var next = -1;
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var n = Interlocked.Increment(ref next); n < FloodSize; n = Interlocked.Increment(ref next))
            {
                using var response = await Client.PostAsJsonAsync("/api/login", new { username = name(n), password = "guess" });
                statuses[n] = response.StatusCode;
            }
        }));
        await Task.WhenAll(workers);
        return statuses;
    }
}
