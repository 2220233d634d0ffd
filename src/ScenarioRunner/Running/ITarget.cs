using ScenarioRunner.Model;

namespace ScenarioRunner.Running;

/// <summary>Where a scenario's requests go: the in-process FakeAuthServer or a server on a real socket.</summary>
public interface ITarget : IAsyncDisposable
{
    Uri BaseAddress { get; }

    /// <summary>The clock sessions judge cookie expiry with; the server's own clock in-process.</summary>
    TimeProvider Clock { get; }

    /// <summary>Why this target cannot run the scenario, or null when it can.</summary>
    string? CannotRun(Scenario scenario);

    /// <summary>A fresh transport for one session: no redirects, no cookies of its own.</summary>
    HttpMessageHandler CreateHandler();

    void Advance(TimeSpan duration);
}
