using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Options;
using FakeAuthServer.Users;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SessionKit.Tests.Unit.Server;

/// <summary>The lockout rules as LoginGuard applies them over the in-memory store, on a fake clock (issue 21, item 8).</summary>
public class LoginGuardTests
{
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void NewClock() => _clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private LoginGuard Guard(LockoutOptions options)
    {
        var users = new UserDirectory(MsOptions.Create(new FakeAuthOptions
        {
            Users = { ["alice"] = "wonderland", ["bob"] = "builder" },
        }));
        return new LoginGuard(users, _clock, MsOptions.Create(options), new InMemoryLockoutStore(users));
    }

    private static async Task FailAsync(LoginGuard guard, string user, int times)
    {
        for (var i = 0; i < times; i++) (await guard.AttemptAsync(user, "wrong")).Result.ShouldBe(LoginResult.Rejected);
    }

    [Test]
    public async Task Failed_logins_for_another_name_leave_a_users_failure_count_alone()
    {
        var guard = Guard(new LockoutOptions { MaxFailures = 3 });
        await FailAsync(guard, "alice", 2);

        await FailAsync(guard, "bob", 1);
        await FailAsync(guard, "mallory", 1);
        await FailAsync(guard, "alice", 1);

        (await guard.AttemptAsync("alice", "wonderland")).Result.ShouldBe(LoginResult.LockedOut);
        (await guard.AttemptAsync("bob", "builder")).Result.ShouldBe(LoginResult.Accepted);
    }

    [Test]
    public async Task A_successful_login_resets_the_failure_count()
    {
        var guard = Guard(new LockoutOptions { MaxFailures = 3 });
        await FailAsync(guard, "alice", 2);
        (await guard.AttemptAsync("alice", "wonderland")).Result.ShouldBe(LoginResult.Accepted);

        await FailAsync(guard, "alice", 2);

        (await guard.AttemptAsync("alice", "wonderland")).Result.ShouldBe(LoginResult.Accepted);
    }

    [Test]
    public async Task With_lockout_disabled_wrong_passwords_are_rejected_and_never_lock()
    {
        var guard = Guard(new LockoutOptions { Enabled = false, MaxFailures = 2 });

        await FailAsync(guard, "alice", 10);
        (await guard.AttemptAsync("nobody", "wonderland")).Result.ShouldBe(LoginResult.Rejected);

        (await guard.AttemptAsync("alice", "wonderland")).Result.ShouldBe(LoginResult.Accepted);
    }

    [Test]
    public async Task With_lockout_disabled_a_second_factor_is_judged_by_its_code_alone()
    {
        var guard = Guard(new LockoutOptions { Enabled = false, MaxFailures = 1 });

        (await guard.AttemptSecondFactorAsync("alice", () => ValueTask.FromResult(false))).Result.ShouldBe(LoginResult.Rejected);
        (await guard.AttemptSecondFactorAsync("alice", () => ValueTask.FromResult(false))).Result.ShouldBe(LoginResult.Rejected);
        (await guard.AttemptSecondFactorAsync("alice", () => ValueTask.FromResult(true))).Result.ShouldBe(LoginResult.Accepted);
    }

    [Test]
    public async Task The_reset_unlocks_a_locked_user()
    {
        var guard = Guard(new LockoutOptions { MaxFailures = 2 });
        await FailAsync(guard, "alice", 2);
        (await guard.AttemptAsync("alice", "wonderland")).Result.ShouldBe(LoginResult.LockedOut);

        await guard.ResetAsync();

        (await guard.AttemptAsync("alice", "wonderland")).Result.ShouldBe(LoginResult.Accepted);
    }

    [Test]
    public async Task A_failure_exactly_one_window_old_no_longer_counts()
    {
        var guard = Guard(new LockoutOptions { MaxFailures = 2, Window = TimeSpan.FromMinutes(10) });
        await FailAsync(guard, "alice", 1);
        _clock.Advance(TimeSpan.FromMinutes(10));

        await FailAsync(guard, "alice", 1);

        (await guard.AttemptAsync("alice", "wonderland")).Result.ShouldBe(LoginResult.Accepted);
    }

    [Test]
    public async Task A_failure_just_inside_the_window_still_counts()
    {
        var guard = Guard(new LockoutOptions { MaxFailures = 2, Window = TimeSpan.FromMinutes(10) });
        await FailAsync(guard, "alice", 1);
        _clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));

        await FailAsync(guard, "alice", 1);

        (await guard.AttemptAsync("alice", "wonderland")).Result.ShouldBe(LoginResult.LockedOut);
    }

    [Test]
    public async Task A_lock_shorter_than_the_window_ends_on_time_and_starts_the_count_afresh()
    {
        var guard = Guard(new LockoutOptions { MaxFailures = 2, Window = TimeSpan.FromMinutes(15), Duration = TimeSpan.FromMinutes(1) });
        await FailAsync(guard, "alice", 2);
        var locked = await guard.AttemptAsync("alice", "wonderland");
        locked.Result.ShouldBe(LoginResult.LockedOut);
        locked.RetryAfter.ShouldBe(TimeSpan.FromMinutes(1));

        _clock.Advance(TimeSpan.FromMinutes(1));

        // The failures that caused the lock are spent: one more wrong password is one failure, not a third.
        await FailAsync(guard, "alice", 1);
        (await guard.AttemptAsync("alice", "wonderland")).Result.ShouldBe(LoginResult.Accepted);
    }

    [Test]
    public async Task A_wrong_second_factor_counts_towards_the_lock_and_a_right_one_forgets_the_failures()
    {
        var guard = Guard(new LockoutOptions { MaxFailures = 2 });
        (await guard.AttemptSecondFactorAsync("alice", () => ValueTask.FromResult(false))).Result.ShouldBe(LoginResult.Rejected);
        (await guard.AttemptSecondFactorAsync("alice", () => ValueTask.FromResult(true))).Result.ShouldBe(LoginResult.Accepted);

        (await guard.AttemptSecondFactorAsync("alice", () => ValueTask.FromResult(false))).Result.ShouldBe(LoginResult.Rejected);
        (await guard.AttemptSecondFactorAsync("alice", () => ValueTask.FromResult(true))).Result.ShouldBe(LoginResult.Accepted);

        (await guard.AttemptSecondFactorAsync("alice", () => ValueTask.FromResult(false))).Result.ShouldBe(LoginResult.Rejected);
        (await guard.AttemptSecondFactorAsync("alice", () => ValueTask.FromResult(false))).Result.ShouldBe(LoginResult.Rejected);
        var verified = false;
        var locked = await guard.AttemptSecondFactorAsync("alice", () => ValueTask.FromResult(verified = true));
        locked.Result.ShouldBe(LoginResult.LockedOut);
        verified.ShouldBeFalse();
    }
}
