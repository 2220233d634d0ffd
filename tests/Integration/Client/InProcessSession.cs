using FakeAuthServer.Testing;
using SessionClient;

namespace SessionKit.Tests.Integration.Client;

/// <summary>An HttpSession over the in-process server's handler: the client half of a seed flow, no port.</summary>
public abstract class InProcessSessionTestBase
{
    protected FakeAuthServerFactory Server { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartServer() => Server = new FakeAuthServerFactory();

    [OneTimeTearDown]
    public async Task StopServer() => await Server.DisposeAsync();

    protected HttpSession NewSession() =>
        new(Server.Server.CreateHandler(), disposeHandler: true) { BaseAddress = new Uri("http://localhost/") };

    protected static readonly Dictionary<string, string> Demo = FakeAuthServerFactory.DemoCredentials;
}
