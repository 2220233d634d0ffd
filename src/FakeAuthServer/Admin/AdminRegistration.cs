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
        return services;
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

