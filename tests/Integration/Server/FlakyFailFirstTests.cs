using System.Net;
using FakeAuthServer.Flaky;
using Microsoft.Extensions.DependencyInjection;

namespace SessionKit.Tests.Integration.Server;

/// <summary>?fail_first=N: exact runs of failures per client, keyed by session cookie, X-Client-Id, or (in-process) one shared key.</summary>
public class FlakyFailFirstTests : ServerTestBase
{
    private const int Fail = 500, Ok = 200;

    private FlakyDice Dice => Server.Services.GetRequiredService<FlakyDice>();

    [SetUp]
    public Task EveryTestStartsWithFreshCounters() => Dice.ResetAsync().AsTask();

    private async Task<int> StatusAsync(string query, string? clientId = null, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/flaky?" + query);
        if (clientId is not null) request.Headers.Add("X-Client-Id", clientId);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return (int)(await Client.SendAsync(request)).StatusCode;
    }

    private async Task<List<int>> RunAsync(int count, string query, string? clientId = null, string? cookie = null)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++) statuses.Add(await StatusAsync(query, clientId, cookie));
        return statuses;
    }

    public static IEnumerable<TestCaseData> Runs() =>
    [
        new TestCaseData("fail_first=0", new[] { Ok, Ok, Ok }).SetName("fail_first=0 never fails"),
        new TestCaseData("fail_first=1", new[] { Fail, Ok, Ok }).SetName("fail_first=1 fails once"),
        new TestCaseData("fail_first=2", new[] { Fail, Fail, Ok, Ok }).SetName("fail_first=2 fails twice, then succeeds"),
        new TestCaseData("fail_first=3", new[] { Fail, Fail, Fail, Ok, Ok }).SetName("fail_first=3 fails three times"),
        new TestCaseData("fail_first=2&failure_rate=0", new[] { Fail, Fail, Ok })
            .SetName("fail_first wins over failure_rate=0"),
        new TestCaseData("fail_first=1&failure_rate=1&seed=5", new[] { Fail, Ok, Ok })
            .SetName("fail_first wins over failure_rate=1 and a seed"),
    ];

    [TestCaseSource(nameof(Runs))]
    public async Task A_client_sees_exactly_its_first_N_requests_fail(string query, int[] expected) =>
        (await RunAsync(expected.Length, query, clientId: "table")).ShouldBe(expected);

    [Test]
    public async Task Requests_without_cookie_or_client_id_share_one_in_process_counter() =>
        (await RunAsync(4, "fail_first=2")).ShouldBe([Fail, Fail, Ok, Ok]);

    [Test]
    public async Task Two_client_ids_each_get_their_own_run_even_when_interleaved()
    {
        var statuses = new List<(string, int)>();
        for (var i = 0; i < 4; i++)
            foreach (var id in (string[])["alpha", "beta"])
                statuses.Add((id, await StatusAsync("fail_first=2", clientId: id)));

        statuses.Where(s => s.Item1 == "alpha").Select(s => s.Item2).ShouldBe([Fail, Fail, Ok, Ok]);
        statuses.Where(s => s.Item1 == "beta").Select(s => s.Item2).ShouldBe([Fail, Fail, Ok, Ok]);
    }

    [Test]
    public async Task Two_logged_in_sessions_each_get_their_own_run()
    {
        var first = "user_id=" + SessionIdFrom(await LoginAsync());
        var second = "user_id=" + SessionIdFrom(await LoginAsync("alice", "wonderland"));

        (await RunAsync(3, "fail_first=2", cookie: first)).ShouldBe([Fail, Fail, Ok]);
        (await RunAsync(3, "fail_first=2", cookie: second)).ShouldBe([Fail, Fail, Ok]);
        (await StatusAsync("fail_first=2", cookie: first)).ShouldBe(Ok);
    }

    [Test]
    public async Task The_session_cookie_names_the_client_even_when_an_X_Client_Id_is_sent_too()
    {
        (await StatusAsync("fail_first=1", clientId: "header", cookie: "user_id=session")).ShouldBe(Fail);
        (await StatusAsync("fail_first=1", clientId: "header")).ShouldBe(Fail, "the header's own counter was untouched");
        (await StatusAsync("fail_first=1", cookie: "user_id=session")).ShouldBe(Ok);
    }

    [Test]
    public async Task Each_N_counts_separately_for_the_same_client()
    {
        (await RunAsync(2, "fail_first=1", clientId: "n")).ShouldBe([Fail, Ok]);
        (await RunAsync(3, "fail_first=2", clientId: "n")).ShouldBe([Fail, Fail, Ok]);
        (await StatusAsync("fail_first=1", clientId: "n")).ShouldBe(Ok);
    }

    [Test]
    public async Task Resetting_the_counters_starts_every_client_again()
    {
        (await RunAsync(3, "fail_first=2", clientId: "again")).ShouldBe([Fail, Fail, Ok]);

        await Dice.FailFirst.ResetAsync();

        (await RunAsync(3, "fail_first=2", clientId: "again")).ShouldBe([Fail, Fail, Ok]);
    }

    [Test]
    public async Task A_fail_first_failure_is_the_exact_seed_500()
    {
        var response = await Client.GetAsync("/flaky?fail_first=1");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType.ShouldNotBeNull().MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"detail":"Server error"}""");
    }
}
