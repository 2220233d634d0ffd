namespace FakeAuthServer.Http;

/// <summary>
/// Endpoint metadata: every clock read that matters happens after a state-store call, and in Redis mode each of those
/// calls checks the shared clock offset inside its own script (<see cref="Redis.ClockCheckedScript"/>), so the
/// server need not spend a separate round trip catching the clock up before the handler runs.
/// </summary>
internal sealed class StoreSyncsClock
{
    public static readonly StoreSyncsClock Instance = new();

    private StoreSyncsClock()
    {
    }
}
