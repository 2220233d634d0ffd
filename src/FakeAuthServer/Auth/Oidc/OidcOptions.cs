namespace FakeAuthServer.Auth.Oidc;

/// <summary>FakeAuth:Oidc — the OpenID Connect provider: who it says it is, how it signs, what its access tokens look like.</summary>
public sealed class OidcOptions
{
    public const string Section = "FakeAuth:Oidc";

    /// <summary>The issuer (iss, and the discovery document's base); null means the base address each request came to.</summary>
    public string? Issuer { get; set; }

    /// <summary>RS256 (the default, what every relying party accepts) or ES256.</summary>
    public string SigningAlgorithm { get; set; } = "RS256";

    /// <summary>How long a rotated-out key stays in the JWKS, so tokens it signed still validate.</summary>
    public TimeSpan KeyGracePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>"jwt" (RFC 9068 access tokens from /oauth/token) or "opaque" (random strings, looked up by the server).</summary>
    public string AccessTokenFormat { get; set; } = "jwt";

    /// <summary>id_token lifetime.</summary>
    public TimeSpan IdTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public bool IssuesJwtAccessTokens => AccessTokenFormat.Equals("jwt", StringComparison.OrdinalIgnoreCase);
}
