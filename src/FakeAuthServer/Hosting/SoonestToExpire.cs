namespace FakeAuthServer.Hosting;

/// <summary>
/// Eviction for the bounded in-memory stores: the entries that expire soonest go first. One array sort of a
/// snapshot, run by one request at a time while the others carry on (see the stores' MakeRoom). The caller takes the
/// snapshot atomically (<c>ConcurrentDictionary.ToArray()</c>): LINQ's ToArray over a live dictionary reads its count
/// and then copies, and a request adding in between made the copy throw.
/// </summary>
internal static class SoonestToExpire
{
    public static void Remove<T>(T[] snapshot, Func<T, DateTimeOffset> expiresAt, int count, Func<T, bool> remove)
    {
        if (count <= 0) return;
        var keys = new long[snapshot.Length];
        for (var i = 0; i < snapshot.Length; i++) keys[i] = expiresAt(snapshot[i]).UtcTicks;
        Array.Sort(keys, snapshot);
        for (var i = 0; i < Math.Min(count, snapshot.Length); i++) remove(snapshot[i]);
    }
}
