using ScenarioRunner.Model;
using SessionClient;

namespace ScenarioRunner.Running;

/// <summary>The scenario's named sessions, built on the target's transport and clock.</summary>
internal sealed class SessionPool(ITarget target, Variables variables) : IAsyncDisposable
{
    private readonly Dictionary<string, ScenarioSession> _sessions = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ScenarioSession> All => _sessions;

    public void Open(IReadOnlyDictionary<string, SessionSettings> settings)
    {
        foreach (var (name, s) in settings) _sessions[name] = Create(s);
    }

    public ScenarioSession this[string name] =>
        _sessions.TryGetValue(name, out var session) ? session : throw new StepFailure($"no session named '{name}'");

    /// <summary>A session with the given defaults; the jar judges expiry on the target's clock.</summary>
    public ScenarioSession Create(SessionSettings settings)
    {
        var transport = new CountingHandler(target.CreateHandler());
        var session = new HttpSession(transport, disposeHandler: false, target.Clock) { BaseAddress = target.BaseAddress };
        foreach (var (name, value) in settings.Headers) session.Headers[name] = variables.Expand(value);
        foreach (var (name, value) in settings.Params) session.Params.Add(new(name, variables.Expand(value)));
        if (settings.Auth is { } auth) session.Auth = Authenticators.From(auth, variables);
        if (settings.Retry is { } retry) session.Mount(RetryPolicies.AllUrls, RetryPolicies.From(retry));
        if (settings.Relogin is { } relogin) session.Relogin = ReloginPolicies.From(relogin, variables);
        return new ScenarioSession(session, transport);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions.Values) await session.DisposeAsync();
    }
}
