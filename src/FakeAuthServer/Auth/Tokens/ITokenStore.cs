namespace FakeAuthServer.Auth.Tokens;

/// <summary>
/// Issued access tokens, refresh tokens and authorization codes. Asynchronous so that an out-of-process store (Redis)
/// fits behind it; the in-memory store completes synchronously.
/// </summary>
public interface ITokenStore
{
    /// <summary>Stores the token under a fresh random value and returns that value (the only copy of it).</summary>
    ValueTask<string> AddAsync(StoredToken token, CancellationToken cancellationToken = default);

    /// <summary>The live, unredeemed token of this kind; null when unknown, expired, redeemed or of another kind.</summary>
    ValueTask<StoredToken?> FindAsync(TokenKind kind, string value, CancellationToken cancellationToken = default);

    /// <summary>Marks a single-use token as used. Null when unknown or expired; FirstUse false on a replay.</summary>
    ValueTask<Redemption?> RedeemAsync(TokenKind kind, string value, CancellationToken cancellationToken = default);

    /// <summary>Drops every token of the family (RFC 6749 §4.1.2, §10.4); returns how many went.</summary>
    ValueTask<int> RevokeFamilyAsync(string family, CancellationToken cancellationToken = default);

    /// <summary>Drops every expired entry; returns how many went (0 where the store expires entries itself).</summary>
    int PurgeExpired();

    /// <summary>Forgets every token, code and refresh token.</summary>
    ValueTask ClearAsync(CancellationToken cancellationToken = default);
}
