namespace ScenarioRunner.Running;

/// <summary>
/// The runner's view of a running server's clock: real time plus how far the server is ahead (from /_admin/info)
/// and what this scenario advanced. The jar expires cookies and {{totp:…}} computes codes on it, as the server
/// judges them. Only the reading moves; timers and timestamps stay on real time.
/// </summary>
internal sealed class TargetClock : TimeProvider
{
    private long _aheadTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _aheadTicks));

    /// <summary>Moves forward by <paramref name="by"/> (a scenario's advance, also sent to the server).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _aheadTicks, by.Ticks);
    }

    /// <summary>Catches up with a server clock that reads <paramref name="serverNow"/>; never moves back.</summary>
    public void CatchUpTo(DateTimeOffset serverNow)
    {
        if (serverNow - GetUtcNow() is var behind && behind > TimeSpan.Zero) Advance(behind);
    }
}
