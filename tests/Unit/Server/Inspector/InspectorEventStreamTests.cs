using System.Text;
using FakeAuthServer.Admin;
using FakeAuthServer.Admin.Inspector;
using FakeAuthServer.Options;
using FakeAuthServer.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SessionKit.Tests.Unit.Server.Inspector;

/// <summary>The event stream's handler on its own: it must end, and let go of its subscription, whoever stops it.</summary>
public class InspectorEventStreamTests
{
    private sealed class Lifetime : IHostApplicationLifetime
    {
        public readonly CancellationTokenSource Stopping = new();
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => Stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => Stopping.Cancel();
    }

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private RequestJournal _journal = null!;
    private Lifetime _lifetime = null!;
    private CancellationTokenSource _aborted = null!;
    private DefaultHttpContext _context = null!;

    [SetUp]
    public void NewStream()
    {
        _journal = new RequestJournal(MsOptions.Create(new AdminOptions()));
        _lifetime = new Lifetime();
        _aborted = new CancellationTokenSource();
        _context = new DefaultHttpContext { RequestAborted = _aborted.Token };
        _context.Response.Body = new MemoryStream();
    }

    [TearDown]
    public void Dispose()
    {
        _lifetime.Stopping.Dispose();
        _aborted.Dispose();
    }

    private Task Start() => InspectorEventStream.Handle(_context, _journal,
        new InMemorySessionStore(_clock, MsOptions.Create(new FakeAuthOptions())), _clock, _lifetime);

    private string Written => Encoding.UTF8.GetString(((MemoryStream)_context.Response.Body).ToArray());

    private async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(20);
        condition().ShouldBeTrue();
    }

    [Test]
    public async Task The_stream_ends_and_unsubscribes_when_the_client_goes()
    {
        var stream = Start();
        await WaitUntil(() => _journal.HasSubscribers);

        await _aborted.CancelAsync();

        await stream.WaitAsync(TimeSpan.FromSeconds(5));
        _journal.SubscriberCount.ShouldBe(0);
    }

    [Test]
    public async Task The_stream_ends_when_the_server_stops_so_shutdown_does_not_wait_for_it()
    {
        var stream = Start();
        await WaitUntil(() => _journal.HasSubscribers);

        _lifetime.StopApplication();

        await stream.WaitAsync(TimeSpan.FromSeconds(5));
        _journal.SubscriberCount.ShouldBe(0);
    }

    [Test]
    public async Task It_answers_as_an_event_stream_and_starts_with_the_servers_clock()
    {
        var stream = Start();
        await WaitUntil(() => Written.Contains("event: clock"));
        await _aborted.CancelAsync();
        await stream.WaitAsync(TimeSpan.FromSeconds(5));

        _context.Response.ContentType.ShouldBe("text/event-stream");
        Written.ShouldContain("\"now\":\"2026-01-01T12:00:00+00:00\"");
    }

    [Test]
    public async Task A_page_that_falls_a_queue_behind_is_told_and_its_stream_ends()
    {
        var gate = new GatedStream();
        _context.Response.Body = gate;
        var stream = Start();
        await WaitUntil(() => _journal.HasSubscribers);

        // The page reads nothing (its writes hang) while a queue's worth of requests and one more arrive.
        for (var i = 0; i <= RequestJournal.SubscriberQueueSize; i++)
            _journal.Add(new RequestJournal.Entry(_clock.GetUtcNow(), "GET", "/flood", 200, 0));
        _journal.SubscriberCount.ShouldBe(0, "the slow page is let go at once");
        gate.Open.SetResult();

        await stream.WaitAsync(TimeSpan.FromSeconds(5));
        Encoding.UTF8.GetString(gate.ToArray()).ShouldContain("event: dropped");
    }

    /// <summary>A response body whose writes wait until the test opens it: a client that does not read.</summary>
    private sealed class GatedStream : MemoryStream
    {
        public readonly TaskCompletionSource Open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Open.Task.WaitAsync(cancellationToken);
            await base.WriteAsync(buffer, cancellationToken);
        }
    }
}
