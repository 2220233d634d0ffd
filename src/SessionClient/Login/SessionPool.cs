using System.Collections.Concurrent;

namespace SessionClient;

/// <summary>
/// One logged-in <see cref="HttpSession"/> per account, lent to one caller at a time. A lease checks the session
/// with <see cref="ProbeUrl"/> first: a session that is no longer logged in logs in again, and one that cannot is
/// dropped and rebuilt once from the factory before the lease fails with <see cref="LoginFailedException"/>.
/// </summary>
public sealed class SessionPool(Func<string, HttpSession> create) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>A URL that answers 2xx only when logged in (e.g. "/protected"); null to skip the check.</summary>
    public string? ProbeUrl { get; init; }

    public async Task<SessionLease> LeaseAsync(string account, CancellationToken cancellationToken = default)
    {
        var entry = _entries.GetOrAdd(account, static _ => new Entry());
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            entry.Session = await ReadyAsync(account, entry.Session, cancellationToken) ?? await RebuildAsync(account, entry, cancellationToken);
            return new SessionLease(account, entry.Session, entry.Gate);
        }
        catch
        {
            entry.Gate.Release();
            throw;
        }
    }

    private async Task<HttpSession> RebuildAsync(string account, Entry entry, CancellationToken cancellationToken)
    {
        if (entry.Session is not null) await entry.Session.DisposeAsync();
        entry.Session = null;
        var fresh = create(account);
        try
        {
            return await ReadyAsync(account, fresh, cancellationToken)
                   ?? throw new LoginFailedException($"The session for '{account}' is not logged in even after a fresh login.");
        }
        catch
        {
            await fresh.DisposeAsync();
            throw;
        }
    }

    /// <summary>The session, logged in and (with a probe) confirmed; null when it could not be confirmed.</summary>
    private async Task<HttpSession?> ReadyAsync(string account, HttpSession? session, CancellationToken cancellationToken)
    {
        if (session is null) return null;
        await session.EnsureLoggedInAsync(cancellationToken);
        if (ProbeUrl is null || await session.IsLoggedInAsync(ProbeUrl, cancellationToken)) return session;
        await session.LoginAsync(cancellationToken);
        return await session.IsLoggedInAsync(ProbeUrl, cancellationToken) ? session : null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var entry in _entries.Values)
            if (entry.Session is not null) await entry.Session.DisposeAsync();
        _entries.Clear();
    }

    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public HttpSession? Session;
    }
}

/// <summary>A session on loan from a <see cref="SessionPool"/>; dispose it to give it back.</summary>
public sealed class SessionLease(string account, HttpSession session, SemaphoreSlim gate) : IDisposable
{
    private int _returned;

    public string Account { get; } = account;
    public HttpSession Session { get; } = session;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0) gate.Release();
    }
}
