namespace SessionKit.Tests.Integration.Redis;

/// <summary>
/// A redis-server of the class's own and one FakeAuthServer on it (a fresh key prefix), started once for the whole
/// test class. A class adds its settings through <see cref="MoreArgs"/> and anything else in a OneTimeSetUp of its
/// own, which NUnit runs after this one (and its OneTimeTearDown before this one's).
/// </summary>
public abstract class OneInstanceTests
{
    protected RedisServer Redis { get; private set; } = null!;
    protected SharedStateInstance Server { get; private set; } = null!;

    /// <summary>The instance's settings beyond <see cref="SharedStateInstance.Args"/>, as command-line arguments.</summary>
    protected virtual string[] MoreArgs => [];

    [OneTimeSetUp]
    public async Task StartRedisAndOneInstance()
    {
        Redis = await RedisServer.StartAsync();
        Server = await SharedStateInstance.StartAsync(Redis, $"test-{Guid.NewGuid():N}:", MoreArgs);
    }

    [OneTimeTearDown]
    public async Task StopRedisAndTheInstance()
    {
        await Server.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
