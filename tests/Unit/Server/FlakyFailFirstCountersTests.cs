using FakeAuthServer.Flaky;

namespace SessionKit.Tests.Unit.Server;

public class FlakyFailFirstCountersTests
{
    private static ClientKey Client(string id) => new(ClientKeySource.ClientIdHeader, id);

    private static List<bool> Run(FailFirstCounters counters, ClientKey client, int failures, int count) =>
        Enumerable.Range(0, count).Select(_ => counters.Fails(client, failures)).ToList();

    [TestCase(0, new[] { false, false })]
    [TestCase(1, new[] { true, false, false })]
    [TestCase(2, new[] { true, true, false, false })]
    public void The_first_N_requests_fail_and_every_later_one_succeeds(int failures, bool[] expected) =>
        Run(new FailFirstCounters(), Client("a"), failures, expected.Length).ShouldBe(expected);

    [Test]
    public void Clients_and_their_N_count_separately()
    {
        var counters = new FailFirstCounters();
        Run(counters, Client("a"), 2, 3).ShouldBe([true, true, false]);

        Run(counters, Client("b"), 2, 3).ShouldBe([true, true, false]);
        Run(counters, Client("a"), 1, 2).ShouldBe([true, false]);
        counters.Count.ShouldBe(3);
    }

    [Test]
    public void The_same_id_from_a_different_source_is_a_different_client()
    {
        var counters = new FailFirstCounters();
        counters.Fails(new ClientKey(ClientKeySource.SessionCookie, "x"), 1).ShouldBeTrue();

        counters.Fails(new ClientKey(ClientKeySource.ClientIdHeader, "x"), 1).ShouldBeTrue();
    }

    [Test]
    public void Reset_forgets_every_client()
    {
        var counters = new FailFirstCounters();
        Run(counters, Client("a"), 1, 2).ShouldBe([true, false]);

        counters.Reset();

        counters.Count.ShouldBe(0);
        Run(counters, Client("a"), 1, 2).ShouldBe([true, false]);
    }

    [Test]
    public void Memory_stays_within_the_capacity_however_many_clients_come()
    {
        var counters = new FailFirstCounters(capacity: 8);
        for (var i = 0; i < 1000; i++)
        {
            counters.Fails(Client(i.ToString()), 1);
            counters.Count.ShouldBeLessThanOrEqualTo(8);
        }
    }

    [Test]
    public void Known_clients_keep_their_count_until_a_new_one_would_pass_the_capacity()
    {
        var counters = new FailFirstCounters(capacity: 2);
        counters.Fails(Client("a"), 1).ShouldBeTrue();
        counters.Fails(Client("b"), 1).ShouldBeTrue();
        counters.Fails(Client("a"), 1).ShouldBeFalse("a is still remembered at the capacity");

        counters.Fails(Client("c"), 1).ShouldBeTrue();

        counters.Count.ShouldBe(1);
        counters.Fails(Client("a"), 1).ShouldBeTrue("a was forgotten to make room, so its run starts again");
    }

    [Test]
    public void Concurrent_requests_of_one_client_fail_exactly_N_times()
    {
        var counters = new FailFirstCounters();
        var failed = 0;

        Parallel.For(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            if (counters.Fails(Client("busy"), 1234)) Interlocked.Increment(ref failed);
        });

        failed.ShouldBe(1234);
    }

    [Test]
    public void A_non_positive_capacity_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new FailFirstCounters(capacity: 0));
}
