using FakeAuthServer.Clock;
using FakeAuthServer.Admin;
using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>
/// The admin clock's offset, shared: an advance on any instance adds to one Redis counter, and every instance
/// catches up to it before each request (<see cref="SharedClockMiddleware"/>), so an expiry shown on one instance
/// holds on all. The local <see cref="OffsetClock"/> only ever moves forward.
/// </summary>
public sealed class SharedClockOffset(IConnectionMultiplexer redis, RedisKeys keys, OffsetClock clock) : IServerClock
{
    /// <summary>False while Redis is unreachable: requests then skip the catch-up rather than wait for it.</summary>
    public bool IsReachable => redis.IsConnected;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        var total = redis.GetDatabase().StringIncrement(keys.ClockOffset, by.Ticks);
        clock.CatchUpTo(TimeSpan.FromTicks(total));
    }

    public async Task RefreshAsync()
    {
        var ticks = await redis.GetDatabase().StringGetAsync(keys.ClockOffset);
        if (!ticks.IsNull) clock.CatchUpTo(TimeSpan.FromTicks((long)ticks));
    }
}

/// <summary>
/// Catches the clock up before each request that may read server state; <see cref="Http.Stateless"/> endpoints
/// (/cookies, /headers…) skip the round trip, and so do <see cref="Http.StoreSyncsClock"/> ones (/protected, /api/me,
/// /api/login, /api/auth/login, POST /login), whose store scripts check the offset themselves. A Redis outage does not fail the request here: what needs state
/// fails with 503 by itself.
/// </summary>
internal sealed class SharedClockMiddleware(RequestDelegate next, SharedClockOffset offset)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            if (offset.IsReachable && context.GetEndpoint()?.Metadata is var metadata
                && metadata?.GetMetadata<Http.Stateless>() is null && metadata?.GetMetadata<Http.StoreSyncsClock>() is null)
                await offset.RefreshAsync();
        }
        catch (Exception e) when (StoreUnavailableExceptionHandler.IsStoreFailure(e))
        {
            // keep the last offset seen
        }
        await next(context);
    }
}
