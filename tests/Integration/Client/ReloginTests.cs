using Microsoft.Extensions.Logging;
using System.Net;
using System.Net.Http.Json;
using FakeAuthServer.Testing;
using SessionClient;

namespace SessionKit.Tests.Integration.Client;

/// <summary>The session notices an expired login, logs in once, and replays what met the expiry.</summary>
public class ReloginTests : FreshServerTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory().WithSessionLifetime(Lifetime);

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private (HttpSession Session, TestLogger Log) NewSession(ILoginFlow flow, string? loginPath = null)
    {
        var log = new TestLogger(LogLevel.Debug);
        var session = NewSession();
        session.Relogin = new ReloginPolicy(flow) { LoginPath = loginPath };
        session.Logger = log;
        return (session, log);
    }

    private static int Logins(TestLogger log, string path) => log.Texts.Count(l => l.StartsWith($"POST http://localhost{path} ", StringComparison.Ordinal));

    private static readonly ApiLogin Seed002Login = new("/api/login", FakeAuthServerFactory.DemoCredentials);

    [Test]
    public async Task Twenty_concurrent_requests_that_meet_an_expired_session_share_one_login()
    {
        var (session, log) = NewSession(Seed002Login);
        await using var _ = session;
        await session.EnsureLoggedInAsync();
        Server.Clock.Advance(Lifetime);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => session.GetAsync("/protected")));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        Logins(log, "/api/login").ShouldBe(2); // the first login and exactly one re-login
    }

    [Test]
    public async Task A_post_that_met_an_expired_session_is_replayed_with_its_body_and_stored_once()
    {
        var (session, log) = NewSession(Seed002Login);
        await using var _ = session;
        await session.EnsureLoggedInAsync();
        Server.Clock.Advance(Lifetime);

        var created = await session.PostJsonAsync("/api/notes", new { text = "written while expired" });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await session.GetAsync("/api/notes")).Content.ReadFromJsonAsync<string[]>()).ShouldBe(["written while expired"]);
        log.Texts.Count(l => l.StartsWith("POST http://localhost/api/notes -> 401", StringComparison.Ordinal)).ShouldBe(1);
        log.Texts.Count(l => l.StartsWith("POST http://localhost/api/notes -> 201", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Test]
    public async Task A_redirect_to_the_login_page_means_logged_out_and_the_form_login_runs_again()
    {
        var (session, log) = NewSession(new FormLogin("/login", "some_name", "pass"), loginPath: "/login");
        await using var _ = session;
        await session.EnsureLoggedInAsync();
        Server.Clock.Advance(Lifetime);

        var dashboard = await session.GetAsync("/dashboard");

        dashboard.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/dashboard");
        (await dashboard.Content.ReadAsStringAsync()).ShouldContain("Welcome, some_name");
        Logins(log, "/login").ShouldBe(2);
    }

    [Test]
    public async Task Is_logged_in_observes_without_logging_in()
    {
        var (session, log) = NewSession(Seed002Login);
        await using var _ = session;

        (await session.IsLoggedInAsync("/protected")).ShouldBeFalse();
        await session.EnsureLoggedInAsync();
        (await session.IsLoggedInAsync("/protected")).ShouldBeTrue();
        Logins(log, "/api/login").ShouldBe(1);
    }

    [Test]
    public async Task A_wrong_password_during_re_login_fails_clearly_instead_of_looping()
    {
        var (session, _) = NewSession(new ApiLogin("/api/login", new Dictionary<string, string> { ["username"] = "some_name", ["password"] = "wrong" }));
        await using var __ = session;

        (await Should.ThrowAsync<LoginFailedException>(() => session.GetAsync("/protected"))).Status.ShouldBe(401);
    }
}
