namespace FakeAuthServer.Http;

/// <summary>
/// Endpoint metadata: the handler reads no server state (no session, counter or clock), so a server sharing its
/// state through Redis need not catch its clock up before running it.
/// </summary>
public sealed class Stateless
{
    public static readonly Stateless Instance = new();

    private Stateless()
    {
    }
}
