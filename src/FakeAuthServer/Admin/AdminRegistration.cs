using System.Diagnostics;
using FakeAuthServer.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Admin;

public static class AdminRegistration
{
    public static IServiceCollection AddAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection($"{FakeAuthOptions.Section}:Admin"))
            .Validate(o => o.JournalSize is >= 1 and <= 100_000, "FakeAuth:Admin:JournalSize must be from 1 to 100000.")
            .ValidateOnStart();
        services.AddSingleton<RequestJournal>();
        services.TryAddSingleton<Hosting.GeneratedHttpsCertificate>();
        // The clock every component reads. Tests put a FakeTimeProvider (and an IServerClock over it) first.
        services.TryAddSingleton(_ => new OffsetClock(TimeProvider.System));
        services.TryAddSingleton<TimeProvider>(sp => sp.GetRequiredService<OffsetClock>());
        services.TryAddSingleton<IServerClock>(sp => sp.GetRequiredService<OffsetClock>());
        return services;
    }

    /// <summary>
    /// Every /_admin route; while the API is off they all answer 404 with how to turn it on, and while it is on
    /// <see cref="AdminRequestGuard"/> refuses what a browser page could send from elsewhere.
    /// </summary>
    public static IEndpointRouteBuilder MapAdminRoutes(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/_admin").AddEndpointFilter<AdminRequestGuard>();
        admin.MapPost("/clock/advance", AdminEndpoints.AdvanceClock).WithSummary("Admin: move the server clock forward (?seconds=N).");
        admin.MapGet("/sessions", AdminEndpoints.ListSessions).WithSummary("Admin: the live sessions.");
        admin.MapDelete("/sessions/{id}", AdminEndpoints.EndSession).WithSummary("Admin: end one session.");
        admin.MapPost("/users", AdminEndpoints.AddUser)
            .WithSummary("Admin: add or change a user (JSON username, password, optional Base32 totpSecret; \"\" removes it).");
        admin.MapGet("/info", AdminEndpoints.Info).WithSummary("Admin: the listening addresses and a generated certificate's SHA-256.");
        admin.MapGet("/requests", AdminEndpoints.Requests).WithSummary("Admin: the recent requests.");
        admin.MapPost("/reset", AdminEndpoints.Reset).WithSummary("Admin: forget sessions, tokens, flaky counters, lockouts, used TOTP codes, added users.");
        return app;
    }

    /// <summary>Records each request in the journal while the admin API is on.</summary>
    public static WebApplication UseRequestJournal(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<AdminOptions>>().Value.Enabled) return app;
        var journal = app.Services.GetRequiredService<RequestJournal>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        app.Use(async (context, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                journal.Add(new RequestJournal.Entry(clock.GetUtcNow(), context.Request.Method, Http.LoggedPath.Of(context),
                    context.RequestAborted.IsCancellationRequested ? 0 : context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(start).TotalMilliseconds));
            }
        });
        return app;
    }
}

