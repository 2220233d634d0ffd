using FakeAuthServer.Testing;
using SessionClient;

namespace SessionKit.Tests.Integration.Client;

/// <summary>
/// A new in-process server for every test (login state never leaks between tests), and sessions that share its
/// clock, so expiry is judged alike on both sides.
/// </summary>
public abstract class FreshServerTestBase
{
    protected FakeAuthServerFactory Server { get; private set; } = null!;

    /// <summary>Override to configure the server before it starts.</summary>
    protected virtual FakeAuthServerFactory CreateServer() => new();

    [SetUp]
    public void StartServer() => Server = CreateServer();

    [TearDown]
    public async Task StopServer() => await Server.DisposeAsync();

    protected HttpSession NewSession() =>
        new(Server.Server.CreateHandler(), disposeHandler: true, timeProvider: Server.Clock) { BaseAddress = new Uri("http://localhost/") };
}
