using FakeAuthServer.Auth.TwoFactor;
using Microsoft.Extensions.Time.Testing;

namespace SessionKit.Tests.Unit.Server;

/// <summary>The in-memory pending 2FA logins: short-lived and bounded (issue 21, item 11).</summary>
public class PendingLoginsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Test]
    public void A_pending_login_is_found_until_its_lifetime_ends()
    {
        var pending = new PendingLogins(_clock);
        var login = pending.Create("alice", "/dashboard");

        _clock.Advance(PendingLogins.Lifetime - TimeSpan.FromTicks(1));
        pending.Find(login.Id).ShouldBe(login);

        _clock.Advance(TimeSpan.FromTicks(1));
        pending.Find(login.Id).ShouldBeNull();
        pending.Count.ShouldBe(0);
    }

    [Test]
    public void At_the_bound_expired_pending_logins_are_dropped_first()
    {
        var pending = new PendingLogins(_clock);
        for (var i = 0; i < PendingLogins.MaxPending - 1; i++) pending.Create($"u{i}", "/");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var young = pending.Create("young", "/");
        _clock.Advance(PendingLogins.Lifetime - TimeSpan.FromMinutes(1));

        var newest = pending.Create("newest", "/");

        pending.Count.ShouldBe(2);
        pending.Find(young.Id).ShouldBe(young);
        pending.Find(newest.Id).ShouldBe(newest);
    }

    [Test]
    public void At_the_bound_with_none_expired_the_tenth_soonest_to_expire_goes()
    {
        var pending = new PendingLogins(_clock);
        var logins = new List<PendingLogin>();
        for (var i = 0; i < PendingLogins.MaxPending; i++)
        {
            logins.Add(pending.Create($"u{i}", "/"));
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }
        pending.Count.ShouldBe(PendingLogins.MaxPending);

        var newest = pending.Create("newest", "/");

        pending.Count.ShouldBe(PendingLogins.MaxPending - PendingLogins.MaxPending / 10 + 1);
        pending.Find(logins[PendingLogins.MaxPending / 10 - 1].Id).ShouldBeNull();
        pending.Find(logins[PendingLogins.MaxPending / 10].Id).ShouldNotBeNull();
        pending.Find(newest.Id).ShouldBe(newest);
    }

    [Test]
    public void The_fifth_wrong_code_exhausts_a_pending_login()
    {
        var login = new PendingLogins(_clock).Create("alice", "/");

        for (var i = 1; i < PendingLogins.MaxAttempts; i++) login.FailAndExhausted().ShouldBeFalse($"failure {i}");
        login.FailAndExhausted().ShouldBeTrue();
    }
}
