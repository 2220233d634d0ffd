using FakeAuthServer.Options;

namespace FakeAuthServer.Sessions;

/// <summary>
/// One logged-in session, keyed by the value of its cookie. It dies at the first of two moments: its absolute end
/// (created + lifetime, never extended) and its idle end (last use + idle timeout, pushed forward by each use).
/// </summary>
public sealed class ServerSession(string id, string user, DateTimeOffset created, DateTimeOffset absoluteExpiresAt,
    TimeSpan? idleTimeout = null)
{
    // Times as UTC ticks: a login load keeps up to MaxSessions of these alive, and every byte of them is copied by
    // the collections they survive (the login p99 tracks the live table, issue 17).
    private readonly long _createdTicks = created.UtcTicks;
    private readonly long _absoluteEndTicks = absoluteExpiresAt.UtcTicks;
    private readonly long _idleTicks = idleTimeout?.Ticks ?? NoIdleTimeout;
    private long _lastSeenTicks = created.UtcTicks;
    private long _lastChanceTicks = created.UtcTicks; // last use already credited by the eviction queue
    private const long NoIdleTimeout = long.MinValue; // TimeSpan.MinValue: no timeout anyone could mean

    public string Id { get; } = id;
    public string User { get; } = user;
    /// <summary>In UTC, as every time here.</summary>
    public DateTimeOffset Created => new(_createdTicks, TimeSpan.Zero);

    /// <summary>The absolute end: no amount of use keeps the session past it.</summary>
    public DateTimeOffset AbsoluteExpiresAt => new(_absoluteEndTicks, TimeSpan.Zero);

    /// <summary>Null when the session has no idle timeout.</summary>
    public TimeSpan? IdleTimeout => _idleTicks == NoIdleTimeout ? null : TimeSpan.FromTicks(_idleTicks);

    public DateTimeOffset LastSeen => new(Interlocked.Read(ref _lastSeenTicks), TimeSpan.Zero);

    /// <summary>When the session dies if nobody uses it again: min(absolute end, last use + idle timeout).</summary>
    public DateTimeOffset ExpiresAt
    {
        get
        {
            if (IdleTimeout is not { } idle) return AbsoluteExpiresAt;
            var idleEnd = LastSeen + idle;
            // Stryker disable once Equality : when the two ends are equal either one is the answer
            return idleEnd < AbsoluteExpiresAt ? idleEnd : AbsoluteExpiresAt;
        }
    }

    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>
    /// A new session with a fresh id under the configured rules, whatever store keeps it: the absolute end is
    /// <see cref="FakeAuthOptions.SessionLifetime"/> from now, and an idle timeout at or above the lifetime can never
    /// fire first, so it is treated as none.
    /// </summary>
    public static ServerSession Start(string user, DateTimeOffset now, FakeAuthOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        // Stryker disable once Equality : an idle timeout equal to the lifetime can never end a session before its absolute end
        var idle = options.IdleTimeout is { } timeout && timeout < options.SessionLifetime ? timeout : (TimeSpan?)null;
        return new ServerSession(SessionIds.New(), user, now, now + options.SessionLifetime, idle);
    }

    /// <summary>A session read back from an out-of-process store, with the last use recorded there.</summary>
    internal static ServerSession Restore(string id, string user, DateTimeOffset created, DateTimeOffset absoluteExpiresAt,
        TimeSpan? idleTimeout, DateTimeOffset lastSeen)
    {
        var session = new ServerSession(id, user, created, absoluteExpiresAt, idleTimeout);
        session.Touch(lastSeen);
        return session;
    }

    /// <summary>True once per use since the last call: the eviction queue then sends this session round again.</summary>
    internal bool TakeSecondChance()
    {
        var seen = Interlocked.Read(ref _lastSeenTicks);
        return Interlocked.Exchange(ref _lastChanceTicks, seen) < seen;
    }

    /// <summary>Moves last use forward only: a late, concurrent touch with an older time never shortens the session.</summary>
    internal void Touch(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        var seen = Interlocked.Read(ref _lastSeenTicks);
        // Stryker disable once Equality : writing the time already there changes nothing
        while (ticks > seen)
        {
            var previous = Interlocked.CompareExchange(ref _lastSeenTicks, ticks, seen);
            // Stryker disable once Equality,Statement : without the early return the loop's next exchange fails, reads back this write and stops just the same
            if (previous == seen) return;
            seen = previous;
        }
    }
}
