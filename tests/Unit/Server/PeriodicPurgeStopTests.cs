using FakeAuthServer.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace SessionKit.Tests.Unit.Server;

/// <summary>
/// The purge's stop and dispose may overlap while a host shuts down; a teardown once failed with a
/// NullReferenceException in its DisposeAsync. The timer here parks in its own DisposeAsync, so the second stop
/// always arrives while the first is still under way.
/// </summary>
public class PeriodicPurgeStopTests
{
    [Test]
    public async Task Two_overlapping_stops_dispose_the_timer_once_and_neither_throws()
    {
        var clock = new ParkingClock();
        var purge = new PeriodicPurge("sessions", () => 0, TimeSpan.FromMinutes(1), clock, NullLogger<PeriodicPurge>.Instance);
        await purge.StartAsync(CancellationToken.None);

        var first = purge.StopAsync(CancellationToken.None);
        var second = purge.DisposeAsync().AsTask();
        clock.Timer.Release();
        await Task.WhenAll(first, second);

        clock.Timer.Disposals.ShouldBe(1);
    }

    private sealed class ParkingClock : TimeProvider
    {
        public ParkedTimer Timer { get; } = new();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => Timer;
    }

    private sealed class ParkedTimer : ITimer
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _disposals;

        public int Disposals => Volatile.Read(ref _disposals);

        public void Release() => _released.SetResult();

        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose() => Interlocked.Increment(ref _disposals);

        public async ValueTask DisposeAsync()
        {
            Interlocked.Increment(ref _disposals);
            await _released.Task;
        }
    }
}
