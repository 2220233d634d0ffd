using System.Runtime.CompilerServices;
using FakeAuthServer.Options;
using FakeAuthServer.Clock;
using FakeAuthServer.Admin;
using FakeAuthServer.Auth.Forms;
using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Auth.Tokens;
using FakeAuthServer.Flaky;
using FakeAuthServer.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>FakeAuth:Store=redis swaps every piece of shared state for its Redis twin; the default changes nothing.</summary>
public static class RedisRegistration
{
    /// <summary>Call after the in-memory defaults are registered: it replaces them.</summary>
    public static IServiceCollection AddRedisStateWhenConfigured(this IServiceCollection services, IConfiguration configuration) =>
        RedisOptions.IsSelected(configuration) ? AddRedisState(services, configuration) : services;

    // The Redis parts apart (here and below), so a server in memory never compiles a method that names
    // StackExchange.Redis's types, and never loads it (issue 17, cold start).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IServiceCollection AddRedisState(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().Bind(configuration.GetSection(RedisOptions.Section)).CheckedBy<RedisOptions, RedisOptionsValidator>();
        services.AddSingleton(sp => RedisConnection.Connect(sp.GetRequiredService<IOptions<RedisOptions>>().Value));
        services.AddSingleton(sp => new RedisKeys(sp.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix));

        services.Replace(ServiceDescriptor.Singleton<ISessionStore, RedisSessionStore>());
        services.Replace(ServiceDescriptor.Singleton<ITokenStore, RedisTokenStore>());
        services.Replace(ServiceDescriptor.Singleton<ILockoutStore, RedisLockoutStore>());
        services.Replace(ServiceDescriptor.Singleton<IFailFirstCounters, RedisFailFirstCounters>());
        services.Replace(ServiceDescriptor.Singleton<IPendingLogins, RedisPendingLogins>());
        services.Replace(ServiceDescriptor.Singleton<ITotpReplayGuard, RedisTotpReplayGuard>());
        services.Replace(ServiceDescriptor.Singleton(sp =>
            SharedCsrfKey.Load(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>())));
        services.AddSingleton<SharedClockOffset>();
        services.AddServerClock(sp => sp.GetRequiredService<OffsetClock>(), sp => sp.GetRequiredService<SharedClockOffset>());

        services.AddExceptionHandler<StoreUnavailableExceptionHandler>();
        return services;
    }

    /// <summary>The clock catches up with the shared offset before anything reads it.</summary>
    public static WebApplication UseSharedClockWhenConfigured(this WebApplication app)
    {
        if (RedisOptions.IsSelected(app.Configuration)) UseSharedClock(app);
        return app;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UseSharedClock(WebApplication app) => app.UseMiddleware<SharedClockMiddleware>();

    /// <summary>
    /// Connects now, before the server listens: null when the state store is ready (or in-process), else the reason
    /// to print before exiting non-zero.
    /// </summary>
    public static string? CheckStateStore(this IServiceProvider services) =>
        RedisOptions.IsSelected(services.GetRequiredService<IConfiguration>()) ? CheckRedis(services) : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string? CheckRedis(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IConnectionMultiplexer>();
            services.GetRequiredService<CsrfKey>();
            services.GetRequiredService<SharedClockOffset>().RefreshAsync().GetAwaiter().GetResult();
            return null;
        }
        catch (StateStoreUnavailableException e)
        {
            return e.Message;
        }
        catch (OptionsValidationException e)
        {
            return e.Message;
        }
        catch (Exception e) when (StoreUnavailableExceptionHandler.IsStoreFailure(e))
        {
            return $"Redis answered the start-up check with an error: {e.Message}";
        }
    }
}
