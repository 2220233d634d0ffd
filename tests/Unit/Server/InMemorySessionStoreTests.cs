using FakeAuthServer.Options;
using FakeAuthServer.Sessions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SessionKit.Tests.Unit.Server;

public class InMemorySessionStoreTests
{
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void NewClock() => _clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    // No idle timeout unless a test asks for one, so the lifetime tests see the absolute lifetime alone.
    private InMemorySessionStore Store(int maxSessions = 1000, TimeSpan? lifetime = null, TimeSpan? idle = null) =>
        new(_clock, MsOptions.Create(new FakeAuthOptions
        {
            MaxSessions = maxSessions, SessionLifetime = lifetime ?? TimeSpan.FromHours(1), IdleTimeout = idle,
        }));

    [Test]
    public async Task A_created_session_is_found_by_its_id_with_its_user_and_times()
    {
        var store = Store();
        var created = await store.CreateAsync("alice");
        _clock.Advance(TimeSpan.FromMinutes(5));

        var found = await store.FindAsync(created.Id);

        found.ShouldNotBeNull();
        found.User.ShouldBe("alice");
        found.Created.ShouldBe(_clock.Start);
        found.ExpiresAt.ShouldBe(_clock.Start + TimeSpan.FromHours(1));
        found.LastSeen.ShouldBe(_clock.Start + TimeSpan.FromMinutes(5));
    }

    [Test]
    public async Task Sessions_of_one_user_keep_one_copy_of_the_name()
    {
        var store = Store();
        var first = await store.CreateAsync(new string("alice".AsSpan()));
        var second = await store.CreateAsync(new string("alice".AsSpan()));

        ReferenceEquals(first.User, second.User).ShouldBeTrue();
    }

    [Test]
    public async Task Past_its_bound_the_name_pool_lets_new_names_through_unshared()
    {
        var store = Store(maxSessions: 10_000);
        for (var i = 0; i < 4096; i++) await store.CreateAsync($"user{i}");

        var first = await store.CreateAsync(new string("late".AsSpan()));
        var second = await store.CreateAsync(new string("late".AsSpan()));

        second.User.ShouldBe("late");
        ReferenceEquals(first.User, second.User).ShouldBeFalse();
        ReferenceEquals((await store.CreateAsync(new string("user7".AsSpan()))).User, (await store.CreateAsync(new string("user7".AsSpan()))).User).ShouldBeTrue();
    }

    [Test]
    public async Task An_expired_session_is_not_found_and_is_dropped()
    {
        var store = Store();
        var session = await store.CreateAsync("alice");
        _clock.Advance(TimeSpan.FromHours(1));

        (await store.FindAsync(session.Id)).ShouldBeNull();
        store.Count.ShouldBe(0);
    }

    [Test]
    public async Task Purge_removes_only_expired_sessions()
    {
        var store = Store();
        await store.CreateAsync("old");
        _clock.Advance(TimeSpan.FromMinutes(40));
        var young = await store.CreateAsync("young");
        _clock.Advance(TimeSpan.FromMinutes(30));

        store.PurgeExpired().ShouldBe(1);

        store.Count.ShouldBe(1);
        (await store.FindAsync(young.Id)).ShouldNotBeNull();
    }

    [Test]
    public async Task At_the_bound_the_soonest_to_expire_sessions_make_room()
    {
        var store = Store(maxSessions: 10);
        var first = await store.CreateAsync("u0");
        for (var i = 1; i < 10; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await store.CreateAsync($"u{i}");
        }

        var newest = await store.CreateAsync("u10");

        store.Count.ShouldBeLessThanOrEqualTo(10);
        (await store.FindAsync(first.Id)).ShouldBeNull();
        (await store.FindAsync(newest.Id)).ShouldNotBeNull();
    }

    [Test]
    public async Task At_the_bound_a_session_in_use_outlives_older_idle_ones()
    {
        var store = Store(maxSessions: 10);
        var idle = await store.CreateAsync("idle");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var inUse = await store.CreateAsync("in-use");
        for (var i = 0; i < 8; i++) await store.CreateAsync($"u{i}");
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await store.FindAsync(inUse.Id)).ShouldNotBeNull(); // used: its idle end moves past everyone else's

        await store.CreateAsync("newcomer-1");
        await store.CreateAsync("newcomer-2");

        (await store.FindAsync(idle.Id)).ShouldBeNull();
        (await store.FindAsync(inUse.Id)).ShouldNotBeNull();
        store.Count.ShouldBe(10);
    }

    [Test]
    public async Task A_flood_far_past_the_bound_stays_within_it()
    {
        var store = Store(maxSessions: 100);

        for (var i = 0; i < 5000; i++) await store.CreateAsync($"u{i}");

        store.Count.ShouldBe(100);
    }

    [Test]
    public async Task Logged_out_sessions_do_not_pile_up_in_the_eviction_queue()
    {
        var store = Store(maxSessions: 100_000);
        for (var i = 0; i < 5000; i++) await store.RemoveAsync((await store.CreateAsync($"u{i}")).Id);
        store.QueuedForEviction.ShouldBe(5000);

        store.PurgeExpired();

        store.QueuedForEviction.ShouldBe(0);
        store.Count.ShouldBe(0);
    }

    [Test]
    public async Task Removing_a_session_ends_it()
    {
        var store = Store();
        var session = await store.CreateAsync("alice");

        (await store.RemoveAsync(session.Id)).ShouldBeTrue();
        (await store.FindAsync(session.Id)).ShouldBeNull();
        (await store.RemoveAsync(session.Id)).ShouldBeFalse();
    }

    [Test]
    public async Task Concurrent_logins_are_all_kept_and_counted()
    {
        var store = Store(maxSessions: 100_000);

        var sessions = await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => Task.Run(async () => await store.CreateAsync($"u{i}"))));

        sessions.Select(s => s.Id).Distinct().Count().ShouldBe(2000);
        store.Count.ShouldBe(2000);
    }

    [Test]
    public async Task Each_find_pushes_the_idle_end_up_to_the_absolute_end()
    {
        var store = Store(lifetime: TimeSpan.FromHours(1), idle: TimeSpan.FromMinutes(30));
        var session = await store.CreateAsync("alice");
        session.ExpiresAt.ShouldBe(_clock.Start + TimeSpan.FromMinutes(30));

        _clock.Advance(TimeSpan.FromMinutes(20));
        (await store.FindAsync(session.Id)).ShouldNotBeNull().ExpiresAt.ShouldBe(_clock.Start + TimeSpan.FromMinutes(50));

        _clock.Advance(TimeSpan.FromMinutes(20));
        (await store.FindAsync(session.Id)).ShouldNotBeNull().ExpiresAt.ShouldBe(_clock.Start + TimeSpan.FromHours(1));
        session.AbsoluteExpiresAt.ShouldBe(_clock.Start + TimeSpan.FromHours(1));
    }

    [Test]
    public async Task A_session_idle_for_the_timeout_is_not_found_and_is_purged()
    {
        var store = Store(idle: TimeSpan.FromMinutes(30));
        var idle = await store.CreateAsync("idle");
        var busy = await store.CreateAsync("busy");
        _clock.Advance(TimeSpan.FromMinutes(29));
        await store.FindAsync(busy.Id);
        _clock.Advance(TimeSpan.FromMinutes(1));

        store.PurgeExpired().ShouldBe(1);
        (await store.FindAsync(idle.Id)).ShouldBeNull();
        (await store.FindAsync(busy.Id)).ShouldNotBeNull();
    }

    [Test]
    public async Task An_idle_timeout_not_shorter_than_the_lifetime_changes_nothing()
    {
        var store = Store(lifetime: TimeSpan.FromMinutes(10), idle: TimeSpan.FromHours(1));
        var session = await store.CreateAsync("alice");

        session.IdleTimeout.ShouldBeNull();
        session.ExpiresAt.ShouldBe(_clock.Start + TimeSpan.FromMinutes(10));
    }

    [Test]
    public async Task At_the_bound_sessions_idle_longest_are_evicted_first()
    {
        var store = Store(maxSessions: 10, idle: TimeSpan.FromMinutes(30));
        var sessions = new List<FakeAuthServer.Sessions.ServerSession>();
        for (var i = 0; i < 10; i++) sessions.Add(await store.CreateAsync($"u{i}"));
        _clock.Advance(TimeSpan.FromMinutes(10));
        // All but the first were used again, so the first is the soonest to expire although all were created together.
        foreach (var s in sessions.Skip(1)) await store.FindAsync(s.Id);

        await store.CreateAsync("u10");

        (await store.FindAsync(sessions[0].Id)).ShouldBeNull();
        (await store.FindAsync(sessions[9].Id)).ShouldNotBeNull();
    }

    [TestCase("0123456789abcdef0123456789abcdef", true)]
    [TestCase("0123456789ABCDEF0123456789ABCDEF", false)]
    [TestCase("0123456789abcdef", false)]
    [TestCase("../../../../../../etc/passwd/xxxx", false)]
    [TestCase("", false)]
    public void Only_ids_of_the_issued_shape_are_looked_up(string id, bool valid) =>
        SessionIds.HasValidShape(id).ShouldBe(valid);

    [Test]
    public async Task When_every_session_is_in_use_the_store_stays_within_a_tenth_over_its_bound_and_evicts_the_soonest_to_expire()
    {
        var store = Store(maxSessions: 1000);
        var sessions = new List<FakeAuthServer.Sessions.ServerSession>();
        for (var i = 0; i < 1000; i++)
        {
            sessions.Add(await store.CreateAsync($"u{i}"));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var largest = 0;
        for (var round = 0; round < 102; round++)
        {
            // Every live session used since the queue last looked at it: the queue alone evicts none of them, since
            // one login looks at no more than 4 × excess + 64 entries.
            _clock.Advance(TimeSpan.FromSeconds(1));
            foreach (var s in sessions) await store.FindAsync(s.Id);
            sessions.Add(await store.CreateAsync($"extra{round}"));
            largest = Math.Max(largest, store.Count);
        }

        // Past 1000 + 1000/10 one login sorts the store and evicts the 102 soonest to expire (the excess, at least a tenth).
        largest.ShouldBe(1101);
        store.Count.ShouldBe(1000);
        for (var i = 0; i < 102; i++) (await store.FindAsync(sessions[i].Id)).ShouldBeNull($"session {i}");
        (await store.FindAsync(sessions[102].Id)).ShouldNotBeNull();
        (await store.FindAsync(sessions[^1].Id)).ShouldNotBeNull();
    }

    [Test]
    public async Task A_session_given_a_second_chance_is_still_evicted_on_a_later_round()
    {
        var store = Store(maxSessions: 3);
        var a = await store.CreateAsync("a");
        var b = await store.CreateAsync("b");
        var c = await store.CreateAsync("c");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await store.FindAsync(a.Id);

        var d = await store.CreateAsync("d"); // a goes round again, b leaves
        var e = await store.CreateAsync("e"); // c leaves
        var f = await store.CreateAsync("f"); // a's second chance is spent: a leaves

        (await store.FindAsync(b.Id)).ShouldBeNull();
        (await store.FindAsync(c.Id)).ShouldBeNull();
        (await store.FindAsync(a.Id)).ShouldBeNull();
        foreach (var kept in new[] { d, e, f }) (await store.FindAsync(kept.Id)).ShouldNotBeNull(kept.User);
    }

    [Test]
    public async Task At_the_bound_each_login_evicts_exactly_one_session()
    {
        var store = Store(maxSessions: 5);
        for (var i = 0; i < 5; i++) await store.CreateAsync($"u{i}");

        for (var i = 5; i < 20; i++)
        {
            await store.CreateAsync($"u{i}");
            store.Count.ShouldBe(5);
        }
    }

    [Test]
    public async Task After_the_eviction_queue_is_rebuilt_the_oldest_session_still_leaves_first_and_the_newest_last()
    {
        var store = Store(maxSessions: 10);
        for (var i = 0; i < 1100; i++) await store.RemoveAsync((await store.CreateAsync($"gone{i}")).Id);
        var live = new List<FakeAuthServer.Sessions.ServerSession>();
        for (var i = 0; i < 10; i++)
        {
            live.Add(await store.CreateAsync($"u{i}"));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        store.PurgeExpired();
        store.QueuedForEviction.ShouldBe(10); // rebuilt from the live sessions

        for (var i = 0; i < 9; i++) await store.CreateAsync($"new{i}");

        for (var i = 0; i < 9; i++) (await store.FindAsync(live[i].Id)).ShouldBeNull($"session {i}");
        (await store.FindAsync(live[9].Id)).ShouldNotBeNull();
    }

    [TestCase("")]
    [TestCase(null)]
    public async Task A_session_for_an_empty_user_name_is_refused_before_it_can_evict_anyone(string? user)
    {
        var store = Store(maxSessions: 3);
        var sessions = new List<FakeAuthServer.Sessions.ServerSession>();
        for (var i = 0; i < 3; i++) sessions.Add(await store.CreateAsync($"u{i}"));

        await Should.ThrowAsync<ArgumentException>(async () => await store.CreateAsync(user!));

        store.Count.ShouldBe(3);
        foreach (var s in sessions) (await store.FindAsync(s.Id)).ShouldNotBeNull(s.User);
    }
}
