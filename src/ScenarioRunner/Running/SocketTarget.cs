using System.Net;
using ScenarioRunner.Model;

namespace ScenarioRunner.Running;

/// <summary>A server already listening (e.g. <c>dotnet run --project src/FakeAuthServer</c>), reached over real sockets.</summary>
public sealed class SocketTarget(Uri baseAddress) : ITarget
{
    public Uri BaseAddress { get; } = baseAddress;
    public TimeProvider Clock => TimeProvider.System;

    public string? CannotRun(Scenario scenario) =>
        scenario.InProcessOnly is { } why ? $"in-process only: {why}"
        : !scenario.Server.IsDefault ? "sets server options (users, sessionLifetime, flaky), which only an in-process server takes"
        : scenario.Steps.Any(s => s.Advance is not null)
            ? "advances the server's clock; a remote server has no admin clock API yet"
            : null;

    public HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.All,
    };

    public void Advance(TimeSpan duration) =>
        throw new NotSupportedException("A remote server's clock cannot be advanced (no admin API yet).");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
