using System.Net;
using FakeAuthServer.Testing;
using SessionClient;

namespace SessionKit.Tests.Integration.Client;

public class SessionPoolTests : FreshServerTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory().WithSessionLifetime(TimeSpan.FromMinutes(10));

    private readonly Dictionary<string, string> _passwords = new() { ["some_name"] = "pass", ["alice"] = "wonderland" };

    private SessionPool NewPool() => new(account =>
    {
        var session = NewSession();
        session.Relogin = new ReloginPolicy(new ApiLogin("/api/login", new Dictionary<string, string>
            { ["username"] = account, ["password"] = _passwords[account] }));
        return session;
    }) { ProbeUrl = "/protected" };

    [Test]
    public async Task Each_account_gets_its_own_logged_in_session_and_keeps_it()
    {
        await using var pool = NewPool();

        HttpSession first, second;
        using (var lease = await pool.LeaseAsync("some_name")) first = lease.Session;
        using (var lease = await pool.LeaseAsync("some_name")) second = lease.Session;
        using var alice = await pool.LeaseAsync("alice");

        second.ShouldBeSameAs(first);
        alice.Session.ShouldNotBeSameAs(first);
        (await alice.Session.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_leased_session_is_lent_to_one_caller_at_a_time()
    {
        await using var pool = NewPool();
        var held = await pool.LeaseAsync("some_name");

        var waiting = pool.LeaseAsync("some_name");
        await Task.Yield();
        waiting.IsCompleted.ShouldBeFalse();

        held.Dispose();
        using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        next.Session.ShouldBeSameAs(held.Session);
    }

    [Test]
    public async Task An_expired_session_is_logged_in_again_when_leased()
    {
        await using var pool = NewPool();
        using (await pool.LeaseAsync("some_name")) { }
        Server.Clock.Advance(TimeSpan.FromMinutes(10));

        using var lease = await pool.LeaseAsync("some_name");

        (await lease.Session.IsLoggedInAsync("/protected")).ShouldBeTrue();
    }

    [Test]
    public async Task An_account_that_cannot_log_in_fails_the_lease_and_the_pool_tries_afresh_next_time()
    {
        await using var pool = NewPool();
        _passwords["some_name"] = "wrong";

        await Should.ThrowAsync<LoginFailedException>(() => pool.LeaseAsync("some_name"));
        _passwords["some_name"] = "pass";

        using var lease = await pool.LeaseAsync("some_name");
        (await lease.Session.IsLoggedInAsync("/protected")).ShouldBeTrue();
    }
}
