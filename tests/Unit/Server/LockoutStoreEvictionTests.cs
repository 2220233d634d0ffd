using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Options;
using FakeAuthServer.Users;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SessionKit.Tests.Unit.Server;

/// <summary>At its bound the in-memory lockout store gives up what protects no account first, and never a known user's lock.</summary>
public class LockoutStoreEvictionTests
{
    private const int Bound = 1_000;
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly LockoutOptions Options = new() { MaxFailures = 5 };

    private static InMemoryLockoutStore Store() => new(new UserDirectory(MsOptions.Create(new FakeAuthOptions
    {
        Users = { ["alice"] = "wonderland", ["bob"] = "builder" },
    })), Bound);

    private static async Task FailAsync(InMemoryLockoutStore store, string user, int times, DateTimeOffset? at = null)
    {
        for (var i = 0; i < times; i++) await store.RecordFailureAsync(user, at ?? Now, Options);
    }

    [Test]
    public async Task A_known_users_lock_survives_a_flood_of_unknown_names_twenty_times_the_bound()
    {
        var store = Store();
        await FailAsync(store, "alice", 5);

        for (var n = 0; n < 20 * Bound; n++) await FailAsync(store, $"nobody-{n}", 1);

        (await store.LockedForAsync("alice", Now)).ShouldBe(Options.Duration);
        store.Count.ShouldBeLessThanOrEqualTo(Bound);
    }

    [Test]
    public async Task A_known_users_lock_survives_a_flood_of_locked_unknown_names()
    {
        var store = Store();
        await FailAsync(store, "alice", 5);

        for (var n = 0; n < 3 * Bound; n++) await FailAsync(store, $"nobody-{n}", 5);

        (await store.LockedForAsync("alice", Now)).ShouldNotBeNull();
        store.Count.ShouldBeLessThanOrEqualTo(Bound);
    }

    [Test]
    public async Task A_known_users_counted_failures_outlast_unknown_names_so_a_flood_does_not_reset_them()
    {
        var store = Store();
        await FailAsync(store, "bob", 4);

        for (var n = 0; n < 5 * Bound; n++) await FailAsync(store, $"nobody-{n}", 1);
        await FailAsync(store, "bob", 1);

        (await store.LockedForAsync("bob", Now)).ShouldNotBeNull();
    }

    [Test]
    public async Task Records_with_nothing_left_in_them_go_before_an_unknown_names_live_count()
    {
        var store = Store();
        await FailAsync(store, "recent", 4);
        for (var n = 0; n < Bound - 1; n++) await FailAsync(store, $"old-{n}", 1, Now - Options.Window - TimeSpan.FromSeconds(1));

        await FailAsync(store, "newcomer", 1);
        await FailAsync(store, "recent", 1);

        (await store.LockedForAsync("recent", Now)).ShouldNotBeNull();
        store.Count.ShouldBeLessThan(Bound);
    }
}
