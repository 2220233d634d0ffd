using System.Security.Cryptography;
using System.Text;
using FakeAuthServer.Auth.Tokens;
using FakeAuthServer.Auth.Tokens.OAuth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FakeAuthServer.Auth.Oidc;

/// <summary>
/// Makes and reads the provider's JWTs with Microsoft.IdentityModel (no hand-written JOSE): RFC 9068 access tokens,
/// OpenID Connect id_tokens, and tokens a test mints directly (<see cref="CreateAccessToken"/>). Every time in them is
/// the server clock's, so a test that advances the clock sees its app refuse the token.
/// </summary>
public sealed class JwtTokens(SigningKeys keys, TimeProvider clock, IOptions<OidcOptions> oidc, IOptions<TokenOptions> tokens,
    IOptions<OAuthOptions> oauth, IOptions<Options.FakeAuthOptions> server, IHttpContextAccessor http)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>
    /// The issuer: FakeAuth:Oidc:Issuer, else the base address of the request being served (so the discovery document
    /// matches whatever address a client used), else http://localhost (the in-process fixture's address).
    /// </summary>
    public string Issuer => oidc.Value.Issuer?.TrimEnd('/') is { Length: > 0 } configured
        ? configured
        : http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : "http://localhost";

    /// <summary>
    /// An access token a test mints without running a login: signed by the current key, on the server clock.
    /// <paramref name="flaw"/> spoils it on purpose for negative tests.
    /// </summary>
    public string CreateAccessToken(string subject, IEnumerable<string>? scopes = null, IReadOnlyDictionary<string, object>? claims = null,
        TimeSpan? lifetime = null, string? audience = null, string? clientId = null, TokenFlaw flaw = TokenFlaw.None)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var now = clock.GetUtcNow();
        var life = lifetime ?? tokens.Value.AccessTokenLifetime;
        var (issuedAt, expiresAt) = flaw == TokenFlaw.Expired ? (now - life - TimeSpan.FromMinutes(1), now - TimeSpan.FromMinutes(1)) : (now, now + life);
        var body = AccessTokenClaims(subject, clientId ?? "test", string.Join(' ', scopes ?? []), Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)));
        foreach (var (name, value) in claims ?? new Dictionary<string, object>()) body[name] = value;
        var jwt = Sign(body, flaw == TokenFlaw.WrongAudience ? "someone-else" : audience ?? "api",
            issuedAt, expiresAt, "at+jwt", flaw == TokenFlaw.UnknownKey ? SigningKey.Create(keys.Current.Algorithm) : keys.Current,
            flaw == TokenFlaw.WrongIssuer ? "https://wrong-issuer.example" : Issuer);
        return flaw == TokenFlaw.Tampered ? Tamper(jwt) : jwt;
    }

    /// <summary>The RFC 9068 access token for a grant; its jti is the stored token's value, so revocation and expiry hold.</summary>
    internal string AccessToken(TokenGrant grant, string jti, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        var clientId = grant.ClientId ?? throw new ArgumentException("JWT access tokens are for OAuth clients.", nameof(grant));
        var claims = AccessTokenClaims(grant.Username ?? clientId, clientId, grant.Scope, jti);
        if (grant.Username is { } user) AddUserClaims(claims, user);
        return Sign(claims, AudienceOf(clientId), issuedAt, expiresAt, "at+jwt", keys.Current, Issuer);
    }

    /// <summary>The OpenID Connect id_token (Core §2, §3.1.3.6) for the user of an authorization code.</summary>
    internal string IdToken(TokenGrant grant, string? nonce, DateTimeOffset authTime, string accessToken)
    {
        var now = clock.GetUtcNow();
        var clientId = grant.ClientId!;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = grant.Username!,
            ["azp"] = clientId,
            ["auth_time"] = authTime.ToUnixTimeSeconds(),
            ["at_hash"] = AtHash(accessToken),
        };
        if (nonce is not null) claims["nonce"] = nonce;
        AddUserClaims(claims, grant.Username!);
        return Sign(claims, clientId, now, now + oidc.Value.IdTokenLifetime, "JWT", keys.Current, Issuer);
    }

    /// <summary>The jti of an access token this server signed with a published key; null for anything else.</summary>
    internal async Task<string?> VerifiedJtiAsync(string jwt) =>
        await SignedHereAsync(jwt, "at+jwt") is { } claims && claims.TryGetValue("jti", out var jti) ? jti as string : null;

    /// <summary>
    /// The client (aud) of an id_token this server signed with a published key, expired or not (an end-session hint
    /// may be old); null for anything else, an access token included.
    /// </summary>
    internal async Task<string?> VerifiedIdTokenAudienceAsync(string jwt) =>
        await SignedHereAsync(jwt, "JWT") is { } claims && claims.TryGetValue("aud", out var aud) ? aud as string : null;

    /// <summary>
    /// The claims of a token of <paramref name="type"/> that a published key signed; null otherwise. Its lifetime is
    /// not judged (the store does that, on the server clock) nor its issuer (any address of this server is one).
    /// </summary>
    private async Task<IDictionary<string, object>?> SignedHereAsync(string jwt, string type)
    {
        var result = await Handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = keys.Published.Select(k => k.PublicKey),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            ValidTypes = [type],
        });
        return result.IsValid ? result.Claims : null;
    }

    /// <summary>The configured claims of <paramref name="user"/> (FakeAuth:Claims), never over the protocol's own.</summary>
    public IReadOnlyDictionary<string, string> ClaimsOf(string user) =>
        server.Value.Claims.TryGetValue(user, out var claims) ? claims : new Dictionary<string, string>();

    private void AddUserClaims(Dictionary<string, object> claims, string user)
    {
        foreach (var (name, value) in ClaimsOf(user)) claims.TryAdd(name, value);
    }

    /// <summary>A token whose shape says JWT: three base64url parts (opaque tokens have no dot).</summary>
    internal static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;

    private string AudienceOf(string clientId) =>
        oauth.Value.Clients.TryGetValue(clientId, out var client) && client.Audience is { Length: > 0 } audience ? audience : clientId;

    private static Dictionary<string, object> AccessTokenClaims(string subject, string clientId, string scope, string jti)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["client_id"] = clientId, ["jti"] = jti };
        if (scope.Length > 0) claims["scope"] = scope;
        return claims;
    }

    private static string Sign(Dictionary<string, object> claims, string audience, DateTimeOffset issuedAt, DateTimeOffset expiresAt,
        string type, SigningKey key, string issuer) =>
        Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            Claims = claims,
            TokenType = type,
            SigningCredentials = key.Credentials,
        });

    /// <summary>OIDC Core §3.1.3.6: the left half of the hash of the access token's ASCII, base64url.</summary>
    private static string AtHash(string accessToken)
    {
        // RS256 and ES256 both hash with SHA-256, the only algorithms this provider signs with.
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        return Base64UrlEncoder.Encode(hash[..(hash.Length / 2)]);
    }

    /// <summary>Changes the payload after signing: the signature no longer covers it.</summary>
    private static string Tamper(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"sub\":\"", "\"sub\":\"x", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
