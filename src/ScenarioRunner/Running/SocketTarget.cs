using System.Globalization;
using System.Net;
using FakeAuthServer.Admin;
using ScenarioRunner.Model;

namespace ScenarioRunner.Running;

/// <summary>
/// A server already listening (e.g. <c>dotnet run --project src/FakeAuthServer -- --admin</c>), reached over real
/// sockets. With the admin API on, each scenario starts from a reset server, gets its users, and can advance the clock.
/// </summary>
public sealed class SocketTarget(Uri baseAddress) : ITarget
{
    private const string StartWithAdmin = "start the server with --admin";
    private readonly AdminClient _admin = new(baseAddress);

    // Real time plus what this scenario advanced: the jar then expires cookies as the server's clock would.
    private readonly OffsetClock _clock = new(TimeProvider.System);

    public Uri BaseAddress { get; } = baseAddress;
    public TimeProvider Clock => _clock;

    public async Task<string?> PrepareAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        if (scenario.InProcessOnly is { } why) return $"in-process only: {why}";
        if (scenario.Server.InProcessOnlySettings().ToList() is { Count: > 0 } settings)
            return $"sets server options ({string.Join(", ", settings)}) that a running server cannot take over HTTP";

        // Counters (flaky, lockout), sessions and tokens of earlier scenarios must not leak into this one.
        var adminOn = await _admin.PostAsync("/_admin/reset", null, cancellationToken) != HttpStatusCode.NotFound;
        if (scenario.Server.Users.Count == 0) return null;
        if (!adminOn) return $"adds users ({string.Join(", ", scenario.Server.Users.Keys)}), which needs the admin API: {StartWithAdmin}";
        foreach (var (username, password) in scenario.Server.Users)
            await _admin.EnsureAsync("/_admin/users", new { username, password }, cancellationToken);
        return null;
    }

    public HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.All,
    };

    public async Task AdvanceAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var seconds = duration.TotalSeconds.ToString("R", CultureInfo.InvariantCulture);
        var status = await _admin.PostAsync($"/_admin/clock/advance?seconds={seconds}", null, cancellationToken);
        if (status == HttpStatusCode.NotFound)
            throw new StepFailure($"advance: POST /_admin/clock/advance answered 404: the admin API is off; {StartWithAdmin}");
        if ((int)status is < 200 or > 299) throw new StepFailure($"advance: POST /_admin/clock/advance answered {(int)status}");
        _clock.Advance(duration);
    }

    public ValueTask DisposeAsync()
    {
        _admin.Dispose();
        return ValueTask.CompletedTask;
    }
}
