using Microsoft.Extensions.Options;

namespace FakeAuthServer.Admin;

/// <summary>A bounded ring of recent requests (method, path, status, time) for GET /_admin/requests.</summary>
public sealed class RequestJournal(IOptions<AdminOptions> options)
{
    public sealed record Entry(DateTimeOffset At, string Method, string Path, int Status, double ElapsedMs);

    private readonly Queue<Entry> _entries = new();
    private readonly int _size = Math.Max(1, options.Value.JournalSize);

    public void Add(Entry entry)
    {
        lock (_entries)
        {
            if (_entries.Count == _size) _entries.Dequeue();
            _entries.Enqueue(entry);
        }
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
