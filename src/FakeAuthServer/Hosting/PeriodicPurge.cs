namespace FakeAuthServer.Hosting;

/// <summary>
/// Runs a store's purge on a timer of the injected clock, so memory stays bounded under load and tests drive it
/// by advancing their fake clock. One instance per store (sessions, tokens).
/// </summary>
internal sealed class PeriodicPurge(string what, Func<int> purge, TimeSpan interval, TimeProvider clock, ILogger<PeriodicPurge> logger)
    : IHostedService, IAsyncDisposable
{
    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = clock.CreateTimer(_ => Run(), null, interval, interval);
        return Task.CompletedTask;
    }

    private void Run()
    {
        var purged = purge();
        if (purged > 0) logger.LogDebug("Purged {Count} expired {What}", purged, what);
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    // Stops can overlap (a WebApplicationFactory teardown once threw a NullReferenceException here: one call cleared
    // the field between another's null check and its use), so the timer is taken atomically and disposed once.
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _timer, null) is { } timer) await timer.DisposeAsync();
    }

    /// <summary>Registers a purge of <typeparamref name="TStore"/> every <paramref name="interval"/>(options).</summary>
    public static void Register<TStore>(IServiceCollection services, string what, Func<TStore, int> purge,
        Func<IServiceProvider, TimeSpan> interval) where TStore : notnull =>
        services.AddSingleton<IHostedService>(sp => new PeriodicPurge(what, () => purge(sp.GetRequiredService<TStore>()), interval(sp),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PeriodicPurge>>()));
}
