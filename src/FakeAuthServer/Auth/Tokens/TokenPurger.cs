using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Tokens;

/// <summary>Purges expired tokens and codes on a timer of the injected clock, so memory stays bounded and tests can drive it.</summary>
internal sealed class TokenPurger(ITokenStore store, TimeProvider clock, IOptions<TokenOptions> options,
    ILogger<TokenPurger> logger) : IHostedService, IAsyncDisposable
{
    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.PurgeInterval;
        _timer = clock.CreateTimer(_ => Purge(), null, interval, interval);
        return Task.CompletedTask;
    }

    private void Purge()
    {
        var purged = store.PurgeExpired();
        if (purged > 0) logger.LogDebug("Purged {Count} expired tokens", purged);
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_timer is not null) await _timer.DisposeAsync();
        _timer = null;
    }
}
