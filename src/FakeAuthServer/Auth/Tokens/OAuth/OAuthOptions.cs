namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>The OAuth2 authorization server's clients and code lifetime, bound from "FakeAuth:OAuth".</summary>
public sealed class OAuthOptions
{
    public const string Section = "FakeAuth:OAuth";

    /// <summary>Authorization codes are short-lived; RFC 6749 §4.1.2 recommends at most 10 minutes.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>client_id → client. Configuration adds to the demo clients in appsettings.json.</summary>
    public Dictionary<string, OAuthClient> Clients { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A registered client. Without a secret it is public (PKCE only); with one it is confidential.</summary>
public sealed class OAuthClient
{
    public string? Secret { get; set; }

    /// <summary>Exact redirect URIs the client may ask for (compared as strings, no prefix matching).</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Exact URIs the end-session endpoint may send the user back to after logout (RP-initiated logout §3).</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];

    /// <summary>Scopes the client may be granted; an authorization request without scope gets all of them.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The aud of this client's JWT access tokens (the API they are for); the client id when unset.</summary>
    public string? Audience { get; set; }

    public bool IsConfidential => !string.IsNullOrEmpty(Secret);
}
