using FakeAuthServer.Auth.Oidc;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Tokens;

/// <summary>Mints access and refresh tokens with the configured lifetimes, and rotates refresh tokens.</summary>
internal sealed class TokenIssuer(ITokenStore store, TimeProvider clock, IOptions<TokenOptions> options, JwtTokens jwts,
    IOptions<OidcOptions> oidc)
{
    private readonly TokenOptions _options = options.Value;

    public static string NewFamily() => TokenValues.New();

    public async ValueTask<TokenResponse> IssueAsync(TokenGrant grant, bool withRefreshToken, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expiresAt = now + _options.AccessTokenLifetime;
        var access = await store.AddAsync(new StoredToken(TokenKind.Access, grant, now, expiresAt), cancellationToken);
        // An OAuth client's access token is a JWT its API can verify alone; the stored value is its jti, so the
        // server still answers for expiry and revocation. Token login (/api/auth/login) keeps the opaque string.
        if (grant.ClientId is not null && oidc.Value.IssuesJwtAccessTokens) access = jwts.AccessToken(grant, access, now, expiresAt);
        var refresh = withRefreshToken
            ? await store.AddAsync(new StoredToken(TokenKind.Refresh, grant, now, now + _options.RefreshTokenLifetime), cancellationToken)
            : null;
        return Respond(grant, access, refresh);
    }

    /// <summary>The answer for tokens already stored with the configured lifetimes (opaque values, as handed out).</summary>
    public TokenResponse Respond(TokenGrant grant, string access, string? refresh) =>
        new(access, (long)_options.AccessTokenLifetime.TotalSeconds, refresh, grant.Scope.Length > 0 ? grant.Scope : null);

    /// <summary>
    /// Exchanges a refresh token for a new pair; the old one is spent. A spent token handed in again means it leaked
    /// (RFC 9700 §4.14.2), so the whole family goes and the caller must log in again. The caller's claim on the token
    /// (its client, its endpoint, the scope it asks for) is checked before the token is spent: a refusal leaves it
    /// usable where it belongs, and a token that is not the caller's never revokes its grant on the caller's word.
    /// </summary>
    /// <param name="check">Given the token's grant, the grant to issue (same or narrower) or the reason to refuse.</param>
    public async ValueTask<RefreshOutcome> RefreshAsync(string refreshToken,
        Func<TokenGrant, (TokenGrant? Grant, RefreshFailure Failure)> check, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(TokenKind.Refresh, refreshToken, cancellationToken) is { } unspent &&
            check(unspent.Grant) is { Grant: null, Failure: var refused })
            return RefreshOutcome.Fail(refused);

        var redemption = await store.RedeemAsync(TokenKind.Refresh, refreshToken, cancellationToken);
        if (redemption is not { } used) return RefreshOutcome.Fail(RefreshFailure.Unknown);
        var (grant, failure) = check(used.Token.Grant);
        if (failure == RefreshFailure.WrongClient) return RefreshOutcome.Fail(failure);
        if (!used.FirstUse)
        {
            await store.RevokeFamilyAsync(used.Token.Grant.Family, cancellationToken);
            return RefreshOutcome.Fail(RefreshFailure.Reused);
        }
        if (grant is null) return RefreshOutcome.Fail(failure);
        return new RefreshOutcome(await IssueAsync(grant, withRefreshToken: true, cancellationToken), RefreshFailure.None);
    }
}

internal enum RefreshFailure
{
    None,
    Unknown,
    Reused,
    WrongClient,
    InvalidScope,
}

internal sealed record RefreshOutcome(TokenResponse? Response, RefreshFailure Failure)
{
    public static RefreshOutcome Fail(RefreshFailure failure) => new(null, failure);
}
