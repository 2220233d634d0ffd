using System.Runtime.CompilerServices;
using FakeAuthServer.Options;

namespace FakeAuthServer.Stubs;

public static class StubRegistration
{
    /// <summary>
    /// Stubs for this server: <paramref name="start"/> makes the <see cref="StubServer"/> when the app is set up
    /// (<c>UseFakeAuthServer</c>), and YARP's forwarder carries what no fake route answers to it, past
    /// FakeAuth:Stubs:Guards. Without this call neither WireMock nor YARP is loaded.
    /// </summary>
    public static IServiceCollection AddStubServer(this IServiceCollection services, Func<IServiceProvider, StubServer> start)
    {
        services.AddSingleton(start);
        services.AddSingleton<StubsEnabled>();
        services.AddHttpForwarder();
        // YARP logs two lines per forwarded request at Information; the fake's own request log already has one.
        services.AddLogging(logging => logging.AddFilter("Yarp.ReverseProxy", LogLevel.Warning));
        services.AddSingleton<StubGuardTable>();
        services.AddSingleton<StubForwarding>();
        return services;
    }

    /// <summary>FakeAuth:Stubs, bound and checked at start whether or not stubs run (a guard typo is an error either way).</summary>
    internal static IServiceCollection AddStubOptions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<StubOptions>().Bind(configuration.GetSection(StubOptions.Section)).CheckedBy<StubOptions, StubOptionsValidator>().Services;

    /// <summary>With stubs registered, the fallback route that guards and forwards to them.</summary>
    internal static void MapStubsWhenRegistered(this WebApplication app)
    {
        if (app.Services.GetService<StubsEnabled>() is not null) MapStubs(app);
    }

    // Apart, so a server without stubs never JIT-compiles a method that names WireMock's or YARP's types.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MapStubs(WebApplication app)
    {
        var forwarding = app.Services.GetRequiredService<StubForwarding>(); // starts WireMock: a bad mapping file throws here
        // "{**path}" rather than MapFallback's default "{*path:nonfile}": /files/report.pdf is a stub's path too.
        app.MapFallback("{**path}", forwarding.Handle).WithSummary("Anything else: the WireMock stubs, behind FakeAuth:Stubs:Guards.");
    }

    /// <summary>Starts the stubs of FakeAuth:Stubs:Mappings (<c>--stubs DIR</c>) for the standalone host; false when none are configured.</summary>
    internal static bool StartConfiguredStubs(WebApplicationBuilder builder)
    {
        if (builder.Configuration[$"{StubOptions.Section}:{nameof(StubOptions.Mappings)}"] is not { Length: > 0 } folder) return false;
        StartStubs(builder, folder);
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StartStubs(WebApplicationBuilder builder, string folder)
    {
        var stubs = StubServer.Start(folder); // throws StubMappingException before anything listens
        builder.Services.AddStubServer(_ => stubs); // a factory's singleton: the container disposes it at shutdown
    }

    internal static bool Running(IServiceProvider services) => services.GetService<StubsEnabled>() is not null;

    /// <summary>Every WireMock scenario back to its start state, when stubs run (the admin API's reset).</summary>
    internal static void ResetStubScenarios(IServiceProvider services)
    {
        if (services.GetService<StubsEnabled>() is not null) Reset(services);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Reset(IServiceProvider services) => services.GetRequiredService<StubServer>().ResetScenarios();

    private sealed class StubsEnabled;
}
