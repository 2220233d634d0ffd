using FakeAuthServer.Sessions;
using System.Net;
using FakeAuthServer.Testing;

namespace SessionKit.Tests.Integration.Server;

/// <summary>Idle timeout 30 min inside an absolute lifetime of 1 h, all on the server's fake clock.</summary>
public class SessionIdleTimeoutTests : ServerTestBase
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory()
        .WithSessionLifetime(TimeSpan.FromHours(1))
        .Configure(o => o.IdleTimeout = Idle);

    [Test]
    public async Task A_session_left_alone_longer_than_the_idle_timeout_dies()
    {
        var id = SessionIdFrom(await LoginAsync());

        Server.Clock.Advance(Idle + TimeSpan.FromMinutes(1));

        (await GetWithCookieAsync("/protected", $"user_id={id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Each_use_pushes_the_idle_end_but_never_past_the_absolute_lifetime()
    {
        var id = SessionIdFrom(await LoginAsync());

        // Used every 20 minutes, it survives 40 minutes past the 30-minute idle timeout...
        for (var minute = 20; minute <= 40; minute += 20)
        {
            Server.Clock.Advance(TimeSpan.FromMinutes(20));
            (await GetWithCookieAsync("/protected", $"user_id={id}")).StatusCode.ShouldBe(HttpStatusCode.OK, $"at {minute} min");
        }
        Server.Clock.Advance(TimeSpan.FromMinutes(20) - TimeSpan.FromSeconds(1));
        (await GetWithCookieAsync("/protected", $"user_id={id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "just before 1 h");

        // ...and still dies at the absolute hour; using it every 20 minutes until 2 h changes nothing.
        for (var step = 0; step < 4; step++)
        {
            Server.Clock.Advance(step == 0 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(20));
            (await GetWithCookieAsync("/protected", $"user_id={id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Test]
    public async Task The_dashboard_counts_as_use_too()
    {
        var id = SessionIdFrom(await LoginAsync());

        Server.Clock.Advance(TimeSpan.FromMinutes(25));
        (await GetWithCookieAsync("/dashboard", $"user_id={id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        Server.Clock.Advance(TimeSpan.FromMinutes(25));

        (await GetWithCookieAsync("/protected", $"user_id={id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Idle_sessions_are_purged_from_memory_by_the_timer()
    {
        var before = ((InMemorySessionStore)Server.Sessions).Count;
        for (var i = 0; i < 10; i++) await LoginAsync();
        ((InMemorySessionStore)Server.Sessions).Count.ShouldBe(before + 10);

        Server.Clock.Advance(Idle + TimeSpan.FromMinutes(2));

        ((InMemorySessionStore)Server.Sessions).Count.ShouldBe(0);
    }
}
