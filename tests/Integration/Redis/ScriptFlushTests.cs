using System.Net;
using System.Net.Sockets;

namespace SessionKit.Tests.Integration.Redis;

/// <summary>
/// The hot scripts go by their SHA-1 (EVALSHA); when Redis no longer knows one (a restart, SCRIPT FLUSH) the store
/// sends the text once and carries on. Its own redis-server: a flush would change the command counts elsewhere.
/// </summary>
[NonParallelizable]
public class ScriptFlushTests
{
    [Test]
    public async Task After_redis_forgets_its_scripts_a_protected_request_loads_its_script_again_and_answers()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var server = await SharedStateInstance.StartAsync(redis, $"test-{Guid.NewGuid():N}:");
        await using var monitor = await RedisCommandMonitor.StartAsync(redis);
        var cookie = await server.LoginAsync();
        (await server.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.OK);

        await FlushScriptsAsync(redis);
        var reloading = await monitor.CountAsync(async () => (await server.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.OK));
        var steady = await monitor.CountAsync(async () => (await server.StatusOfAsync("/protected", cookie)).ShouldBe(HttpStatusCode.OK));

        // Refused by hash, then the text (StackExchange.Redis loads it on the way): later requests go by hash again.
        reloading.First().ShouldBe("EVALSHA", string.Join(" | ", reloading));
        reloading.Last().ShouldBe("EVAL", string.Join(" | ", reloading));
        steady.ShouldBe(["EVALSHA"]);
    }

    private static async Task FlushScriptsAsync(RedisServer redis)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, redis.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("SCRIPT FLUSH\r\n"u8.ToArray());
        var reply = new byte[5];
        (await stream.ReadAtLeastAsync(reply, 5)).ShouldBe(5);
        reply.ShouldBe("+OK\r\n"u8.ToArray());
    }
}
