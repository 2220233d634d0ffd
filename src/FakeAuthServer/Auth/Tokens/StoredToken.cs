namespace FakeAuthServer.Auth.Tokens;

public enum TokenKind
{
    Access,
    Refresh,
    AuthorizationCode,
}

/// <summary>
/// Who and what a token stands for. Every token of one login or one authorization shares a Family, so a replayed
/// refresh token or code can revoke all of them at once.
/// </summary>
/// <param name="Username">The user, or null for a client_credentials token (the client acts for itself).</param>
/// <param name="ClientId">The OAuth client, or null for a token from /api/auth/login.</param>
public sealed record TokenGrant(string? Username, string? ClientId, string Scope, string Family);

/// <summary>
/// What an authorization code was bound to at /oauth/authorize (RFC 6749 §4.1.3, RFC 7636 §4.6), and the OpenID
/// Connect nonce its id_token must carry.
/// </summary>
public sealed record CodeBinding(string RedirectUri, bool RedirectUriWasSent, string CodeChallenge, string? Nonce = null)
{
    /// <summary>When the user last logged in (the id_token's auth_time); a session older than the code may answer.</summary>
    public DateTimeOffset? AuthTime { get; init; }
}

/// <summary>One issued token or code. Refresh tokens and codes are single-use: redeeming marks them, never twice.</summary>
public sealed class StoredToken(TokenKind kind, TokenGrant grant, DateTimeOffset issuedAt, DateTimeOffset expiresAt,
    CodeBinding? code = null)
{
    private int _redeemed;

    public TokenKind Kind { get; } = kind;
    public TokenGrant Grant { get; } = grant;
    public DateTimeOffset IssuedAt { get; } = issuedAt;
    public DateTimeOffset ExpiresAt { get; } = expiresAt;
    public CodeBinding? Code { get; } = code;

    public bool IsRedeemed => Volatile.Read(ref _redeemed) != 0;

    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>True for the first caller only, so two racing requests cannot both use one code.</summary>
    internal bool TryRedeem() => Interlocked.Exchange(ref _redeemed, 1) == 0;
}

/// <summary>A single-use token handed in: FirstUse is false when it had been redeemed before (a replay).</summary>
public readonly record struct Redemption(StoredToken Token, bool FirstUse);
