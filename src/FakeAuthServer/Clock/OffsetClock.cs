namespace FakeAuthServer.Clock;

/// <summary>
/// The standalone server's TimeProvider: real time plus an offset that POST /_admin/clock/advance grows. Timers
/// and timestamps stay on real time (a jump does not fire them early); everything that judges expiry reads
/// GetUtcNow, which includes the offset.
/// </summary>
public sealed class OffsetClock(TimeProvider inner) : TimeProvider, IServerClock
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>Takes an offset another instance reached (shared state); never moves the clock back.</summary>
    public void CatchUpTo(TimeSpan offset)
    {
        var seen = Interlocked.Read(ref _offsetTicks);
        while (offset.Ticks > seen)
        {
            var previous = Interlocked.CompareExchange(ref _offsetTicks, offset.Ticks, seen);
            if (previous == seen) return;
            seen = previous;
        }
    }
}
