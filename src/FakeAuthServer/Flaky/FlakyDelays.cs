namespace FakeAuthServer.Flaky;

/// <summary>
/// ?delay=ms, waited on the server's TimeProvider so an in-process test advances its FakeTimeProvider instead of
/// sleeping. <see cref="Waiting"/> tells such a test when the server's timer exists, i.e. when advancing will count.
/// </summary>
public sealed class FlakyDelays
{
    private int _waiting;

    /// <summary>Requests whose delay timer is running now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public async Task WaitAsync(TimeSpan delay, TimeProvider clock, CancellationToken cancellationToken)
    {
        var wait = Task.Delay(delay, clock, cancellationToken); // the timer is created here, before Waiting says so
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
