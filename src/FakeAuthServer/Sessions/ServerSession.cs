namespace FakeAuthServer.Sessions;

/// <summary>One logged-in session, keyed by the value of its cookie.</summary>
public sealed class ServerSession(string id, string user, DateTimeOffset created, DateTimeOffset expiresAt)
{
    private long _lastSeenTicks = created.UtcTicks;

    public string Id { get; } = id;
    public string User { get; } = user;
    public DateTimeOffset Created { get; } = created;
    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public DateTimeOffset LastSeen => new(Interlocked.Read(ref _lastSeenTicks), TimeSpan.Zero);

    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    internal void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastSeenTicks, now.UtcTicks);
}
