using System.Globalization;
using System.Net;
using ScenarioRunner.Model;

namespace ScenarioRunner.Running;

/// <summary>
/// A server already listening (e.g. <c>dotnet run --project src/FakeAuthServer -- --admin</c>), reached over real
/// sockets; every URL's host is routed to it (see <see cref="TargetEndpoints"/>). With the admin API on, each
/// scenario starts from a reset server, gets its users and second factors, and can advance the clock.
/// </summary>
public sealed class SocketTarget(Uri baseAddress) : ITarget
{
    private const string StartWithAdmin = "start the server with --admin";
    public const string StartWithHttps = "start the server with --admin --urls \"http://127.0.0.1:8000;https://127.0.0.1:8443\" " +
                                         "(a self-signed certificate is generated when none is configured)";
    private readonly AdminClient _admin = new(baseAddress);
    private readonly TargetEndpoints _endpoints = new(baseAddress);

    private readonly TargetClock _clock = new();
    private bool _adminOn;

    public Uri BaseAddress { get; } = baseAddress;
    public TimeProvider Clock => _clock;

    public async Task<string?> PrepareAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        if (scenario.InProcessOnly is { } why) return $"in-process only: {why}";
        if (scenario.Server.InProcessOnlySettings().ToList() is { Count: > 0 } settings)
            return $"sets server options ({string.Join(", ", settings)}) that a running server cannot take over HTTP";

        // Counters (flaky, lockout), sessions, tokens and added users of earlier scenarios must not leak into this one.
        var adminOn = _adminOn = await _admin.PostAsync("/_admin/reset", null, cancellationToken) != HttpStatusCode.NotFound;
        var info = adminOn ? await _admin.InfoAsync(cancellationToken) : null;
        if (info is not null)
        {
            _endpoints.Learn(info);
            // The server's clock keeps the advances of earlier scenarios: TOTP codes and the jar must read the same time.
            _clock.CatchUpTo(info.Now);
        }
        if (StubsMissing(scenario.Server, info) is { } missing) return missing;
        foreach (var scheme in SchemesNamed(scenario))
            if ((scheme == Uri.UriSchemeHttps ? _endpoints.HttpsPort : _endpoints.HttpPort) is null)
                return scheme == Uri.UriSchemeHttps
                    ? $"requests https:// URLs and the target serves no https that it told of: {StartWithHttps}"
                    : $"requests http:// URLs and the target serves no http that it told of: {StartWithAdmin} and an http address in --urls";
        return await AddUsersAsync(scenario.Server, adminOn, cancellationToken);
    }

    /// <summary>
    /// A running server's stubs are fixed at its start (--stubs DIR and FakeAuth:Stubs:Guards): the scenario runs only
    /// when the target serves stubs with the guards it names. That the folder holds its mappings is up to whoever
    /// started the target (CI passes scenarios/stubs, every scenario's folder in one).
    /// </summary>
    private static string? StubsMissing(ServerSettings server, AdminClient.ServerInfo? info)
    {
        if (server.Stubs is null) return null;
        var start = $"start the server with --admin --stubs {server.Stubs}" +
                    string.Concat(server.StubGuards.Select(g => $" --FakeAuth:Stubs:Guards:{g.Key}={g.Value}"));
        if (info?.Stubs is not { } stubs) return $"uses stubs, and the target serves none that it told of: {start}";
        var guards = new Dictionary<string, string>(stubs.Guards, StringComparer.OrdinalIgnoreCase);
        var differing = server.StubGuards.Where(g => !guards.TryGetValue(g.Key, out var rule) || !rule.Equals(g.Value, StringComparison.OrdinalIgnoreCase)).ToList();
        return differing.Count == 0
            ? null
            : $"needs the stub guards {string.Join(", ", differing.Select(g => $"{g.Key}={g.Value}"))}, which the target lacks: {start}";
    }

    private async Task<string?> AddUsersAsync(ServerSettings server, bool adminOn, CancellationToken cancellationToken)
    {
        var names = server.Users.Keys.Union(server.TwoFactor.Keys, StringComparer.Ordinal).ToList();
        if (names.Count == 0) return null;
        if (!adminOn) return $"adds users ({string.Join(", ", names)}), which needs the admin API: {StartWithAdmin}";
        foreach (var username in names)
        {
            var password = server.Users.GetValueOrDefault(username);
            var totpSecret = server.TwoFactor.GetValueOrDefault(username);
            await _admin.EnsureAsync("/_admin/users", new { username, password, totpSecret }, cancellationToken);
        }
        return null;
    }

    /// <summary>The schemes of absolute URLs the scenario writes out (a {{variable}} URL is found out when sent).</summary>
    private static IEnumerable<string> SchemesNamed(Scenario scenario) => scenario.Steps
        .Select(s => s.Request?.Url)
        .Select(url => url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Scheme : null)
        .Where(scheme => scheme is "http" or "https").Distinct().Cast<string>();

    public HttpMessageHandler CreateHandler() => _endpoints.CreateHandler();

    public async Task AdvanceAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var seconds = duration.TotalSeconds.ToString("R", CultureInfo.InvariantCulture);
        var status = await _admin.PostAsync($"/_admin/clock/advance?seconds={seconds}", null, cancellationToken);
        if (status == HttpStatusCode.NotFound)
            throw new StepFailure($"advance: POST /_admin/clock/advance answered 404: the admin API is off; {StartWithAdmin}");
        if ((int)status is < 200 or > 299) throw new StepFailure($"advance: POST /_admin/clock/advance answered {(int)status}");
        _clock.Advance(duration);
    }

    public async Task<string?> ResetFlakyAsync(CancellationToken cancellationToken)
    {
        var status = await _admin.PostAsync("/_admin/flaky/reset", null, cancellationToken);
        if (status == HttpStatusCode.NotFound)
            return _adminOn
                ? "cannot reset /flaky's counters: the target has no POST /_admin/flaky/reset (a FakeAuthServer older than this runner)"
                : $"cannot reset /flaky's counters: the target's admin API is off; {StartWithAdmin}";
        if ((int)status is < 200 or > 299) throw new StepFailure($"resetFlaky: POST /_admin/flaky/reset answered {(int)status}");
        return null;
    }

    public ValueTask DisposeAsync()
    {
        _admin.Dispose();
        return ValueTask.CompletedTask;
    }
}
