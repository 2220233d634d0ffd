using FakeAuthServer.Testing;
using ScenarioRunner.Model;

namespace ScenarioRunner.Running;

/// <summary>A FakeAuthServerFactory configured from the scenario's <c>server:</c> block; one per scenario, so no state leaks.</summary>
public sealed class InProcessTarget : ITarget
{
    private readonly FakeAuthServerFactory _factory;

    public InProcessTarget(ServerSettings settings)
    {
        _factory = new FakeAuthServerFactory();
        foreach (var (user, password) in settings.Users) _factory.WithUser(user, password);
        if (settings.SessionLifetime is { } lifetime) _factory.WithSessionLifetime(lifetime);
        if (settings.Stubs is { } stubs) _factory.WithStubMappings(stubs);
        foreach (var (prefix, rule) in settings.StubGuards) _factory.WithStubGuard(prefix, rule);
        _factory.Configure(o =>
        {
            if (settings.FlakyFailureRate is { } rate) o.Flaky.FailureRate = rate;
            o.Flaky.Seed = settings.FlakySeed ?? o.Flaky.Seed;
            if (settings.IdleTimeout is { } idle) o.IdleTimeout = idle;
            foreach (var (user, secret) in settings.TwoFactor) o.TwoFactor[user] = secret;
            o.LogRequests = false;
        });
    }

    public Uri BaseAddress { get; } = new("http://localhost/");
    public TimeProvider Clock => _factory.Clock;
    public Task<string?> PrepareAsync(Scenario scenario, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    public HttpMessageHandler CreateHandler() => _factory.Server.CreateHandler();

    public Task AdvanceAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        _factory.Clock.Advance(duration);
        return Task.CompletedTask;
    }

    public async Task<string?> ResetFlakyAsync(CancellationToken cancellationToken)
    {
        await _factory.ResetFlakyAsync(cancellationToken);
        return null;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
