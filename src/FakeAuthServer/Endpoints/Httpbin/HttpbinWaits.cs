namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>
/// The waits of /delay/{n} and /drip, on the server's clock and observable: in-process a test sees a request
/// waiting (<see cref="Waiting"/>) before it advances the fake clock, so nothing sleeps.
/// </summary>
public sealed class HttpbinWaits(TimeProvider clock)
{
    private int _waiting;

    /// <summary>Requests whose wait timer is running now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
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
