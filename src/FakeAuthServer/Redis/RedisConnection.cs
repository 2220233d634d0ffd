using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>Thrown at start when the configured Redis cannot be reached: the server says so and exits non-zero.</summary>
public sealed class StateStoreUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>One multiplexer per process (StackExchange.Redis pipelines every request over it and reconnects by itself).</summary>
internal static class RedisConnection
{
    public static IConnectionMultiplexer Connect(RedisOptions options)
    {
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(options.Configuration);
        }
        catch (ArgumentException e)
        {
            throw new StateStoreUnavailableException($"FakeAuth:Redis:Configuration is not a Redis configuration string: {e.Message}", e);
        }
        // Fail at start rather than serve 503s forever; once connected, reconnect in the background after an outage.
        configuration.AbortOnConnectFail = true;
        configuration.ClientName ??= "FakeAuthServer";
        var timeout = (int)options.Timeout.TotalMilliseconds;
        configuration.ConnectTimeout = Math.Max(timeout, 1000);
        configuration.SyncTimeout = configuration.AsyncTimeout = timeout;
        // While Redis is down, answer 503 at once instead of holding requests in a backlog for the timeout.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        // Its reads and writes on the .NET thread pool, not on its own threads: a Redis-mode request crossed one
        // thread more, and on 2 cores /protected went from 0.35x to about 0.42x the in-memory throughput (issue 17).
        configuration.SocketManager = SocketManager.ThreadPool;
        try
        {
            return ConnectionMultiplexer.Connect(configuration);
        }
        catch (RedisConnectionException e)
        {
            throw new StateStoreUnavailableException(
                $"Redis at {string.Join(", ", configuration.EndPoints)} is unreachable (FakeAuth:Store=redis): {FirstLine(e.Message)}", e);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
