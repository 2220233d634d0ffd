namespace SessionKit.Tests.Unit.Server;

/// <summary>A session cannot start for nobody: the store checks it too, but Start is public and says so itself.</summary>
public class ServerSessionStartTests
{
    [TestCase("")]
    [TestCase(null)]
    public void A_session_for_no_user_is_refused(string? user) =>
        Should.Throw<ArgumentException>(() => FakeAuthServer.Sessions.ServerSession.Start(user!, DateTimeOffset.UnixEpoch, new FakeAuthServer.Options.FakeAuthOptions()));
}
