using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SessionKit.Tests.Integration.Redis;

/// <summary>
/// Redis mode with lockout off (FakeAuth:Lockout:Enabled=false): no attempt is counted, and a token login is still one
/// command, the two tokens alone.
/// </summary>
[NonParallelizable]
public class RedisLockoutOffTests
{
    private RedisServer _redis = null!;
    private SharedStateInstance _server = null!;
    private RedisCommandMonitor _monitor = null!;

    [OneTimeSetUp]
    public async Task StartRedisAndOneInstance()
    {
        _redis = await RedisServer.StartAsync();
        _server = await SharedStateInstance.StartAsync(_redis, $"test-{Guid.NewGuid():N}:", "--FakeAuth:Lockout:Enabled=false");
        _monitor = await RedisCommandMonitor.StartAsync(_redis);
        using var first = await TokenLoginAsync("alice", "wonderland"); // the script's first load, uncounted
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [OneTimeTearDown]
    public async Task StopAll()
    {
        await _monitor.DisposeAsync();
        await _server.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Test]
    public async Task Wrong_passwords_lock_nobody_and_cost_no_command()
    {
        var commands = await _monitor.CountAsync(async () =>
        {
            for (var i = 0; i < 6; i++)
            {
                using var wrong = await TokenLoginAsync("alice", "nope");
                wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            }
        });

        commands.Count.ShouldBe(0, string.Join(" ", commands));
        using var right = await TokenLoginAsync("alice", "wonderland");
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_token_login_costs_one_command_and_its_access_token_works()
    {
        HttpResponseMessage login = null!;

        var commands = await _monitor.CountAsync(async () => login = await TokenLoginAsync("alice", "wonderland"));

        using var _ = login;
        commands.Count.ShouldBe(1, string.Join(" ", commands));
        var access = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { { "Authorization", $"Bearer {access}" } } };
        using var answer = await _server.Http.SendAsync(me);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> TokenLoginAsync(string user, string password) =>
        _server.Http.PostAsJsonAsync("/api/auth/login", new { username = user, password });
}
