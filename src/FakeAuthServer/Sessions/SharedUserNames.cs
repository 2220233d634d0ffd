using System.Collections.Concurrent;

namespace FakeAuthServer.Sessions;

/// <summary>
/// One copy of each user's name for all their sessions (each login brings its own string): under a login load up to
/// MaxSessions sessions stay alive, and each object kept is work for every garbage collection it survives. Bounded:
/// past <see cref="Capacity"/> names, a new name is used as given.
/// </summary>
internal sealed class SharedUserNames
{
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private int _count; // ConcurrentDictionary.Count takes every lock

    public string Of(string user)
    {
        if (_names.TryGetValue(user, out var shared)) return shared;
        if (Volatile.Read(ref _count) >= Capacity || !_names.TryAdd(user, user)) return user;
        Interlocked.Increment(ref _count);
        return user;
    }
}
