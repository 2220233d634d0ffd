using System.Net;
using FakeAuthServer.Testing;

namespace SessionKit.Tests.Integration.Server;

public class FlakyEndpointTests : ServerTestBase
{
    [TestCase("0", HttpStatusCode.OK, """{"message":"Success"}""")]
    [TestCase("1", HttpStatusCode.InternalServerError, """{"detail":"Server error"}""")]
    public async Task Failure_rate_zero_always_succeeds_and_one_always_fails(string rate, HttpStatusCode status, string body)
    {
        for (var i = 0; i < 5; i++)
        {
            var response = await Client.GetAsync($"/flaky?failure_rate={rate}");
            response.StatusCode.ShouldBe(status);
            (await response.Content.ReadAsStringAsync()).ShouldBe(body);
        }
    }

    [Test]
    public async Task The_same_seed_replays_the_same_sequence_on_a_fresh_server()
    {
        var first = await SequenceAsync(Client, seed: 42, count: 12);
        await using var other = new FakeAuthServerFactory();
        var second = await SequenceAsync(other.CreateClient(), seed: 42, count: 12);

        second.ShouldBe(first);
        first.ShouldContain(HttpStatusCode.OK);
        first.ShouldContain(HttpStatusCode.InternalServerError);
    }

    private static async Task<List<HttpStatusCode>> SequenceAsync(HttpClient client, int seed, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++) statuses.Add((await client.GetAsync($"/flaky?seed={seed}")).StatusCode);
        return statuses;
    }
}

public class FlakyDefaultsTests : ServerTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory().WithFlaky(failureRate: 1.0);

    [Test]
    public async Task The_configured_failure_rate_applies_when_the_query_names_none()
    {
        (await Client.GetAsync("/flaky")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await Client.GetAsync("/flaky?failure_rate=0")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
