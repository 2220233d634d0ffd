namespace FakeAuthServer.Http;

/// <summary>Endpoint metadata: the raw path carries a secret (e.g. /basic-auth/user/passwd), so log the route pattern.</summary>
internal sealed class RedactPathInLogs
{
    public static readonly RedactPathInLogs Instance = new();
}
