using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SessionKit.Tests.Unit.Client;

/// <summary>
/// A fake clock that reports each timer armed on it (created with a due time, or changed to one, as
/// CancellationTokenSource.CancelAfter does), so a test can advance exactly to a pending delay instead of
/// guessing or sleeping.
/// </summary>
internal sealed class SignallingClock() : FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
{
    private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SignallingTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Armed(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer armed (bounded wait: fails rather than hangs).</summary>
    public async Task<TimeSpan> NextTimerAsync() =>
        await _armed.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    private void Armed(TimeSpan dueTime)
    {
        if (dueTime != Timeout.InfiniteTimeSpan) _armed.Writer.TryWrite(dueTime);
    }

    private sealed class SignallingTimer(ITimer inner, SignallingClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Armed(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
