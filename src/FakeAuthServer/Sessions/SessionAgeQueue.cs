using System.Collections.Concurrent;

namespace FakeAuthServer.Sessions;

/// <summary>
/// The order in which sessions leave a full store: oldest first (with one lifetime for all, the absolute ends come in
/// creation order), except that a session used since it last reached the front goes round again ("second chance",
/// as in the CLOCK page-replacement algorithm), so a session in use outlives idle ones. Evicting costs a few queue
/// operations per login instead of a sort of the whole store, which under a login flood was the latency tail.
/// </summary>
internal sealed class SessionAgeQueue
{
    private ConcurrentQueue<ServerSession> _queue = new();

    /// <summary>Queued entries, including sessions the store has already dropped (skipped when they come up).</summary>
    public int Count => Volatile.Read(ref _queue).Count;

    public void Add(ServerSession session) => Volatile.Read(ref _queue).Enqueue(session);

    /// <summary>Removes up to <paramref name="count"/> sessions through <paramref name="remove"/>; returns how many went.</summary>
    /// <param name="remove">Evicts the session if the store still holds this very one; false when it was gone already.</param>
    public int Evict(int count, Func<ServerSession, bool> remove)
    {
        var queue = Volatile.Read(ref _queue);
        var evicted = 0;
        // Bounded work per call: dropped entries and second chances are skipped, never looped over forever.
        for (var looked = 0; evicted < count && looked < 4 * count + 64 && queue.TryDequeue(out var session); looked++)
        {
            if (session.TakeSecondChance())
            {
                queue.Enqueue(session);
                continue;
            }
            if (remove(session)) evicted++;
        }
        return evicted;
    }

    /// <summary>
    /// Starts a fresh queue from the sessions the store holds, soonest to expire first, so entries of sessions that
    /// logged out or expired do not pile up. A session created during the swap may miss the new queue: it then
    /// leaves by expiry only.
    /// </summary>
    public void Rebuild(IEnumerable<ServerSession> live) =>
        Volatile.Write(ref _queue, new ConcurrentQueue<ServerSession>(live.OrderBy(s => s.ExpiresAt)));
}
