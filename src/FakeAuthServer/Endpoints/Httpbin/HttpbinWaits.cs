using FakeAuthServer.Clock;

namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>The waits of /delay/{n} and /drip, on the server's clock and observable (<see cref="ClockWaits"/>).</summary>
public sealed class HttpbinWaits(TimeProvider clock) : ClockWaits
{
    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => WaitAsync(delay, clock, cancellationToken);
}
