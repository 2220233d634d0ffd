using FakeAuthServer.Admin.Inspector;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Admin;

/// <summary>
/// A bounded ring of recent requests (method, path, status, time) for GET /_admin/requests, and a live feed of them
/// for the inspector page (<see cref="Subscribe"/>).
/// </summary>
public sealed class RequestJournal(IOptions<AdminOptions> options)
{
    public sealed record Entry(DateTimeOffset At, string Method, string Path, int Status, double ElapsedMs);

    /// <summary>How many requests an inspector page may fall behind before it is dropped.</summary>
    internal const int SubscriberQueueSize = 256;

    private readonly Queue<Entry> _entries = new();
    private readonly int _size = Math.Max(1, options.Value.JournalSize);
    private readonly Lock _subscribersLock = new();
    private JournalSubscription[] _subscribers = [];

    public void Add(Entry entry) => Add(entry, static e => InspectedRequest.Bare(e));

    /// <summary>
    /// Records the entry and hands it to every subscriber; <paramref name="inspect"/> (the cookies and session of the
    /// request) runs only when someone is watching, so a server without an open inspector pays nothing for it; null keeps
    /// the entry out of the feed.
    /// </summary>
    internal void Add(Entry entry, Func<Entry, InspectedRequest?> inspect)
    {
        lock (_entries)
        {
            if (_entries.Count == _size) _entries.Dequeue();
            _entries.Enqueue(entry);
        }
        var subscribers = Volatile.Read(ref _subscribers);
        if (subscribers.Length == 0) return;
        if (inspect(entry) is not { } inspected) return;
        foreach (var subscriber in subscribers)
            if (!subscriber.TryDeliver(inspected)) Unsubscribe(subscriber);
    }

    internal bool HasSubscribers => Volatile.Read(ref _subscribers).Length > 0;

    internal int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>A live feed of the requests recorded from now on; dispose it to stop.</summary>
    internal JournalSubscription Subscribe(int queueSize = SubscriberQueueSize)
    {
        var subscription = new JournalSubscription(queueSize, Unsubscribe);
        lock (_subscribersLock) _subscribers = [.. _subscribers, subscription];
        return subscription;
    }

    private void Unsubscribe(JournalSubscription subscription)
    {
        lock (_subscribersLock) _subscribers = [.. _subscribers.Where(s => s != subscription)];
    }

    public IReadOnlyList<Entry> Snapshot()
    {
        lock (_entries) return [.. _entries];
    }

    public void Clear()
    {
        lock (_entries) _entries.Clear();
    }
}
