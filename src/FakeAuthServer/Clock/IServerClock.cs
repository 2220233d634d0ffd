namespace FakeAuthServer.Clock;

/// <summary>The server's clock as the admin API moves it: forward only, so expiry can be shown without waiting.</summary>
public interface IServerClock
{
    void Advance(TimeSpan by);
}
