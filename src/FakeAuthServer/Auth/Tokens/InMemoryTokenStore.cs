using System.Collections.Concurrent;
using FakeAuthServer.Hosting;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Tokens;

/// <summary>The embedded default store: a concurrent dictionary keyed by token hash, on the injected clock, bounded.</summary>
public sealed class InMemoryTokenStore(TimeProvider clock, IOptions<TokenOptions> options) : ITokenStore
{
    private readonly ConcurrentDictionary<string, StoredToken> _tokens = new(StringComparer.Ordinal);
    private readonly int _max = options.Value.MaxTokens;
    private readonly Lock _evictionLock = new();
    private int _count;

    /// <summary>Stored entries, expired ones not yet purged and redeemed ones kept for replay detection included.</summary>
    public int Count => Volatile.Read(ref _count);

    public ValueTask<string> AddAsync(StoredToken token, CancellationToken cancellationToken = default)
    {
        if (Count >= _max) MakeRoom();
        string value;
        do value = TokenValues.New();
        while (!_tokens.TryAdd(TokenValues.KeyOf(value), token));
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(value);
    }

    public ValueTask<StoredToken?> FindAsync(TokenKind kind, string value, CancellationToken cancellationToken = default)
    {
        var token = Live(kind, value);
        return ValueTask.FromResult(token is { IsRedeemed: false } ? token : null);
    }

    public ValueTask<Redemption?> RedeemAsync(TokenKind kind, string value, CancellationToken cancellationToken = default)
    {
        var token = Live(kind, value);
        return ValueTask.FromResult(token is null ? (Redemption?)null : new Redemption(token, token.TryRedeem()));
    }

    public ValueTask<int> RevokeFamilyAsync(string family, CancellationToken cancellationToken = default)
    {
        var revoked = 0;
        foreach (var entry in _tokens)
            if (entry.Value.Grant.Family == family && RemoveExact(entry)) revoked++;
        return ValueTask.FromResult(revoked);
    }

    public ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        foreach (var key in _tokens.Keys)
            if (_tokens.TryRemove(key, out _)) Interlocked.Decrement(ref _count);
        return ValueTask.CompletedTask;
    }

    public int PurgeExpired()
    {
        var now = clock.GetUtcNow();
        var purged = 0;
        foreach (var entry in _tokens)
            if (entry.Value.IsExpiredAt(now) && RemoveExact(entry)) purged++;
        return purged;
    }

    private StoredToken? Live(TokenKind kind, string value)
    {
        if (!TokenValues.HasPlausibleShape(value)) return null;
        var key = TokenValues.KeyOf(value);
        if (!_tokens.TryGetValue(key, out var token) || token.Kind != kind) return null;
        if (!token.IsExpiredAt(clock.GetUtcNow())) return token;
        RemoveExact(new(key, token));
        return null;
    }

    /// <summary>
    /// At the bound: purge, and if every entry is still live, evict the tenth that expires soonest. One request
    /// makes room while the others go on (they may overshoot the bound by the requests in flight).
    /// </summary>
    private void MakeRoom()
    {
        if (!_evictionLock.TryEnter()) return;
        try
        {
            if (Count < _max) return;
            PurgeExpired();
            var excess = Count - _max + 1;
            if (excess <= 0) return;
            SoonestToExpire.Remove(_tokens.ToArray(), e => e.Value.ExpiresAt, Math.Max(excess, _max / 10), RemoveExact);
        }
        finally
        {
            _evictionLock.Exit();
        }
    }

    private bool RemoveExact(KeyValuePair<string, StoredToken> entry)
    {
        var removed = _tokens.TryRemove(entry);
        if (removed) Interlocked.Decrement(ref _count);
        return removed;
    }
}
