using SessionClient;

namespace ScenarioRunner.Running;

/// <summary>A named HttpSession and the counter on its transport.</summary>
internal sealed class ScenarioSession(HttpSession session, CountingHandler transport) : IAsyncDisposable
{
    public HttpSession Session { get; } = session;
    public CountingHandler Transport { get; } = transport;

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        Transport.Dispose();
    }
}
