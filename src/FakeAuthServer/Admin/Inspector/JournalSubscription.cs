using System.Threading.Channels;

namespace FakeAuthServer.Admin.Inspector;

/// <summary>
/// One reader of the journal's live feed (an open inspector page). Its queue is bounded: a reader that falls that far
/// behind is dropped (<see cref="Dropped"/>, its reader completes) instead of making the server hold an ever-growing
/// backlog for it. Dispose unsubscribes.
/// </summary>
internal sealed class JournalSubscription : IDisposable
{
    private readonly Channel<InspectedRequest> _queue;
    private readonly Action<JournalSubscription> _unsubscribe;
    private int _dropped;

    public JournalSubscription(int capacity, Action<JournalSubscription> unsubscribe)
    {
        _queue = Channel.CreateBounded<InspectedRequest>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails, which is when the reader is dropped
            SingleReader = true,
        });
        _unsubscribe = unsubscribe;
    }

    public ChannelReader<InspectedRequest> Reader => _queue.Reader;

    /// <summary>True once the reader fell a whole queue behind; the feed then ends for it.</summary>
    public bool Dropped => Volatile.Read(ref _dropped) == 1;

    /// <summary>False when the queue is full: the subscription is then dropped and should be removed.</summary>
    internal bool TryDeliver(InspectedRequest request)
    {
        if (_queue.Writer.TryWrite(request)) return true;
        Interlocked.Exchange(ref _dropped, 1);
        _queue.Writer.TryComplete();
        return false;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _unsubscribe(this);
    }
}
