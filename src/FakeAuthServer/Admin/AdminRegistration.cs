using System.Diagnostics;
using FakeAuthServer.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Admin;

public static class AdminRegistration
{
    public static IServiceCollection AddAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection($"{FakeAuthOptions.Section}:Admin")).CheckedBy<AdminOptions, AdminOptionsValidator>();
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
                var entry = new RequestJournal.Entry(clock.GetUtcNow(), context.Request.Method, Http.LoggedPath.Of(context),
                    context.RequestAborted.IsCancellationRequested ? 0 : context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                // The inspector's own page and stream would only show themselves: they stay out of its feed.
                if (Inspector.InspectorRoutes.IsInspector(context.Request.Path)) journal.Add(entry, static _ => null);
                else journal.Add(entry, e => Inspector.InspectedRequest.Of(context, e));
            }
        });
        return app;
    }
}

