using ScenarioRunner.Running.Tracing;
using SessionClient;

namespace ScenarioRunner.Running;

/// <summary>A named HttpSession, the recorder on its transport and the trace that recorder and its logger fill.</summary>
internal sealed class ScenarioSession(HttpSession session, WireRecorder transport, StepTrace trace) : IAsyncDisposable
{
    public HttpSession Session { get; } = session;
    public WireRecorder Transport { get; } = transport;
    public StepTrace Trace { get; } = trace;

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        Transport.Dispose();
    }
}
