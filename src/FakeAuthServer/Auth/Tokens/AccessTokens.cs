using FakeAuthServer.Auth.Oidc;

namespace FakeAuthServer.Auth.Tokens;

/// <summary>
/// The live access token a bearer value stands for, whatever its shape: an opaque value is looked up as it is; a JWT
/// must carry this server's signature, and its jti is looked up, so revocation and expiry on the server clock hold
/// for JWTs as for opaque tokens.
/// </summary>
internal sealed class AccessTokens(ITokenStore store, JwtTokens jwts)
{
    public async ValueTask<StoredToken?> FindAsync(string value, CancellationToken cancellationToken)
    {
        if (!TokenValues.HasPlausibleShape(value)) return null;
        if (!JwtTokens.LooksLikeJwt(value)) return await store.FindAsync(TokenKind.Access, value, cancellationToken);
        return await jwts.VerifiedJtiAsync(value) is { } jti ? await store.FindAsync(TokenKind.Access, jti, cancellationToken) : null;
    }
}
