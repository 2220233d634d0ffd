using ScenarioRunner.Model;

namespace ScenarioRunner.Running;

/// <summary>Where a scenario's requests go: the in-process FakeAuthServer or a server on a real socket.</summary>
public interface ITarget : IAsyncDisposable
{
    Uri BaseAddress { get; }

    /// <summary>The clock sessions judge cookie expiry (and compute TOTP codes) with; the server's own clock in-process.</summary>
    TimeProvider Clock { get; }

    /// <summary>Readies the server for the scenario (fresh state, its users); returns why it cannot run it, or null.</summary>
    Task<string?> PrepareAsync(Scenario scenario, CancellationToken cancellationToken);

    /// <summary>A fresh transport for one session: no redirects, no cookies of its own.</summary>
    HttpMessageHandler CreateHandler();

    /// <summary>Moves the server's clock forward; a <see cref="StepFailure"/> when the server cannot do that.</summary>
    Task AdvanceAsync(TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>
    /// Starts /flaky's fail_first counters and seeded sequences again (a <c>resetFlaky</c> step); returns why this
    /// target cannot (the step is then skipped, saying so), or null once done.
    /// </summary>
    Task<string?> ResetFlakyAsync(CancellationToken cancellationToken) =>
        Task.FromResult<string?>($"{GetType().Name} cannot reset /flaky's counters");
}
