namespace FakeAuthServer.Clock;

/// <summary>
/// Waits on the server's TimeProvider that a test can see: in-process the clock is the fixture's FakeTimeProvider,
/// so a test advances it instead of sleeping, and <see cref="Waiting"/> tells it when a timer exists (when advancing
/// will count). /flaky?delay= and httpbin's /delay and /drip each keep one.
/// </summary>
public class ClockWaits
{
    private int _waiting;

    /// <summary>Requests whose wait timer is running now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public async Task WaitAsync(TimeSpan delay, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero) return;
        var wait = Task.Delay(delay, clock, cancellationToken); // the timer exists before Waiting says so
        Interlocked.Increment(ref _waiting);
        try
        {
            await wait;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }
}
