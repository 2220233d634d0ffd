namespace FakeAuthServer.Http;

/// <summary>Endpoint metadata: the raw path carries a secret (e.g. /basic-auth/user/passwd), so the log and the admin journal show the route pattern (<see cref="LoggedPath"/>).</summary>
internal sealed class RedactPathInLogs
{
    public static readonly RedactPathInLogs Instance = new();
}
