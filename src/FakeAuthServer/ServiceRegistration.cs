using FakeAuthServer.Admin;
using FakeAuthServer.Auth.Forms;
using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Auth.Oidc;
using FakeAuthServer.Auth.Tokens;
using FakeAuthServer.Clock;
using FakeAuthServer.Endpoints;
using FakeAuthServer.Flaky;
using FakeAuthServer.Guards;
using FakeAuthServer.Hosting;
using FakeAuthServer.Http;
using FakeAuthServer.Options;
using FakeAuthServer.Redis;
using FakeAuthServer.Sessions;
using FakeAuthServer.Stubs;
using FakeAuthServer.Users;
using Microsoft.Extensions.Options;

namespace FakeAuthServer;

public static class ServiceRegistration
{
    public static IServiceCollection AddFakeAuthServer(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(FakeAuthOptions.Section);
        services.AddOptions<FakeAuthOptions>().Bind(section).CheckedBy<FakeAuthOptions, FakeAuthOptionsValidator>()
            // An empty IdleTimeout means none. Generated binding skips an empty value (reflection binding set null),
            // which would leave the 30-minute default in place.
            .PostConfigure(options => { if (section["IdleTimeout"] is "") options.IdleTimeout = null; });

        services.AddOffsetClock();
        services.AddAdmin(configuration);
        services.AddSingleton<ISessionStore, InMemorySessionStore>();
        PeriodicPurge.Register<ISessionStore>(services, "sessions", s => s.PurgeExpired(),
            sp => sp.GetRequiredService<IOptions<FakeAuthOptions>>().Value.PurgeInterval);
        services.AddSingleton<UserDirectory>();
        services.AddOptions<LockoutOptions>().Bind(configuration.GetSection($"{FakeAuthOptions.Section}:Lockout")).CheckedBy<LockoutOptions, LockoutOptionsValidator>();
        services.AddSingleton<ILockoutStore, InMemoryLockoutStore>();
        services.AddSingleton<LoginGuard>();
        services.AddSingleton<Auth.SessionLogin>();
        services.AddSingleton<IFailFirstCounters, FailFirstCounters>(_ => new FailFirstCounters());
        services.AddSingleton<FlakyDice>();
        services.AddSingleton<NotesEndpoints>();
        services.AddSingleton<Endpoints.Httpbin.HttpbinWaits>(); // /delay and /drip wait on the server clock

        services.AddFormLogin(configuration);
        services.AddTokenAuth(configuration);
        services.AddOidc(configuration);
        services.AddRedisStateWhenConfigured(configuration); // FakeAuth:Store=redis: the state above, shared
        services.AddStubOptions(configuration); // FakeAuth:Stubs; WireMock itself only with AddStubServer

        services.AddSingleton<RoutePaths>();
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }

    public static WebApplication UseFakeAuthServer(this WebApplication app)
    {
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseSharedClockWhenConfigured();
        app.UseRequestJournal();
        app.UseExceptionHandler();
        // Empty 4xx/5xx answers (unknown route, wrong method, binding failure) get a problem-details body.
        app.UseStatusCodePages();
        app.UseMiddleware<HttpbinCorsOnWrongMethod>();
        app.UseMiddleware<BodyLimitMiddleware>();
        app.UseMiddleware<UnreadableBodyMiddleware>();
        app.MapFakeAuthRoutes();
        // Routes of the test's own (FakeAuthServerFactory.WithRoutes), then the stubs' fallback for everything else.
        foreach (var routes in app.Services.GetServices<AdditionalRoutes>()) routes.MapOnto(app);
        app.MapStubsWhenRegistered();
        return app;
    }
}
