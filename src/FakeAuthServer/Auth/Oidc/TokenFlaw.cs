namespace FakeAuthServer.Auth.Oidc;

/// <summary>What to spoil in a token minted for a negative test: each one a relying party must refuse.</summary>
public enum TokenFlaw
{
    None,
    /// <summary>Expired a minute before now on the server clock.</summary>
    Expired,
    /// <summary>For another audience than the one asked.</summary>
    WrongAudience,
    /// <summary>From another issuer than this server.</summary>
    WrongIssuer,
    /// <summary>Signed by a key no JWKS of this server ever published.</summary>
    UnknownKey,
    /// <summary>A claim changed after signing (the signature no longer matches).</summary>
    Tampered,
}
