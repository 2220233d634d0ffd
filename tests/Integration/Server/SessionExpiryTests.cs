using FakeAuthServer.Sessions;
using System.Net;
using FakeAuthServer.Testing;

namespace SessionKit.Tests.Integration.Server;

public class SessionExpiryTests : ServerTestBase
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    protected override FakeAuthServerFactory CreateServer() =>
        new FakeAuthServerFactory().WithSessionLifetime(Lifetime).Configure(o => o.PurgeInterval = TimeSpan.FromMinutes(1));

    [Test]
    public async Task A_session_is_valid_until_its_lifetime_ends_on_the_server_clock()
    {
        var id = SessionIdFrom(await LoginAsync());

        Server.Clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        (await GetWithCookieAsync("/protected", $"user_id={id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        Server.Clock.Advance(TimeSpan.FromSeconds(1));
        (await GetWithCookieAsync("/protected", $"user_id={id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Expired_sessions_are_purged_from_memory_by_the_clock_driven_timer()
    {
        for (var i = 0; i < 20; i++) await LoginAsync();
        ((InMemorySessionStore)Server.Sessions).Count.ShouldBeGreaterThanOrEqualTo(20);

        Server.Clock.Advance(Lifetime + TimeSpan.FromMinutes(2));

        ((InMemorySessionStore)Server.Sessions).Count.ShouldBe(0);
    }
}
