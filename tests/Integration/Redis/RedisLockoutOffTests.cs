using System.Net;

namespace SessionKit.Tests.Integration.Redis;

/// <summary>
/// Redis mode with lockout off (FakeAuth:Lockout:Enabled=false): no attempt is counted, and a token login is still one
/// command, the two tokens alone.
/// </summary>
[NonParallelizable]
public class RedisLockoutOffTests : OneInstanceTests
{
    private RedisCommandMonitor _monitor = null!;

    protected override string[] MoreArgs => ["--FakeAuth:Lockout:Enabled=false"];

    [OneTimeSetUp]
    public async Task StartMonitor()
    {
        _monitor = await RedisCommandMonitor.StartAsync(Redis);
        using var first = await Server.TokenLoginAsync("alice", "wonderland"); // the script's first load, uncounted
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [OneTimeTearDown]
    public async Task StopMonitor() => await _monitor.DisposeAsync();

    [Test]
    public async Task Wrong_passwords_lock_nobody_and_cost_no_command()
    {
        var commands = await _monitor.CountAsync(async () =>
        {
            for (var i = 0; i < 6; i++)
            {
                using var wrong = await Server.TokenLoginAsync("alice", "nope");
                wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            }
        });

        commands.Count.ShouldBe(0, string.Join(" ", commands));
        using var right = await Server.TokenLoginAsync("alice", "wonderland");
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_token_login_costs_one_command_and_its_access_token_works()
    {
        HttpResponseMessage login = null!;

        var commands = await _monitor.CountAsync(async () => login = await Server.TokenLoginAsync("alice", "wonderland"));

        using var _ = login;
        commands.Count.ShouldBe(1, string.Join(" ", commands));
        var access = await SharedStateInstance.AccessTokenOf(login);
        (await Server.StatusOfAsync("/api/me", bearer: access)).ShouldBe(HttpStatusCode.OK);
    }
}
