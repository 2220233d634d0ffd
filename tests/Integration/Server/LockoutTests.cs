using System.Net;
using System.Net.Http.Json;
using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SessionKit.Tests.Integration.Server;

public class LockoutTests : ServerTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory()
        .WithUser("victim", "right").WithUser("other", "right").WithUser("spread", "right").WithUser("api", "right")
        .ConfigureServices(s => s.PostConfigure<LockoutOptions>(o =>
        {
            o.MaxFailures = 3;
            o.Window = TimeSpan.FromMinutes(10);
            o.Duration = TimeSpan.FromMinutes(15);
        }));

    [Test]
    public async Task Three_wrong_passwords_lock_the_user_and_even_the_right_one_gets_429_with_retry_after()
    {
        for (var i = 0; i < 3; i++) (await LoginAsync("victim", "wrong")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var locked = await LoginAsync("victim", "right");

        locked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        locked.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromMinutes(15));
        locked.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await JsonOf(locked);
        problem.GetProperty("title").GetString().ShouldBe("Too many failed logins");
        problem.GetProperty("detail").GetString().ShouldBe("This user is locked out after repeated wrong passwords; try again in 900 s.");
        (await LoginAsync("other", "right")).StatusCode.ShouldBe(HttpStatusCode.OK);

        Server.Clock.Advance(TimeSpan.FromMinutes(15));
        (await LoginAsync("victim", "right")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Failures_spread_wider_than_the_window_do_not_lock()
    {
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 2; i++) (await LoginAsync("spread", "wrong")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            Server.Clock.Advance(TimeSpan.FromMinutes(11));
        }

        (await LoginAsync("spread", "right")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_lock_holds_across_login_endpoints()
    {
        for (var i = 0; i < 3; i++)
            (await Client.PostAsJsonAsync("/api/auth/login", new { username = "api", password = "wrong" })).StatusCode
                .ShouldBe(HttpStatusCode.Unauthorized);

        (await LoginAsync("api", "right")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await Client.PostAsJsonAsync("/api/auth/login", new { username = "api", password = "right" })).StatusCode
            .ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
