using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FakeAuthServer.Clock;

/// <summary>
/// The server clock has two faces: every component reads it as a <see cref="TimeProvider"/>, and the admin API moves
/// it through <see cref="IServerClock"/>. They are registered together, here only, so no set-up can wire one face
/// to another clock than the other: the standalone default (real time plus an offset), the in-process fixture (its
/// FakeTimeProvider) and Redis mode (the offset shared between instances) each call this, and the last call wins.
/// </summary>
public static class ServerClockRegistration
{
    public static IServiceCollection AddServerClock(this IServiceCollection services,
        Func<IServiceProvider, TimeProvider> read, Func<IServiceProvider, IServerClock> advance)
    {
        services.RemoveAll<TimeProvider>();
        services.RemoveAll<IServerClock>();
        services.AddSingleton(read);
        services.AddSingleton(advance);
        return services;
    }

    /// <summary>The standalone server's clock: real time plus the offset <c>POST /_admin/clock/advance</c> grows.</summary>
    public static IServiceCollection AddOffsetClock(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => new OffsetClock(TimeProvider.System));
        return services.AddServerClock(sp => sp.GetRequiredService<OffsetClock>(), sp => sp.GetRequiredService<OffsetClock>());
    }
}
