using FakeAuthServer.Auth.Tokens.OAuth;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Oidc;

/// <summary>
/// GET /.well-known/openid-configuration (OpenID Connect Discovery 1.0 §3): what an app's OIDC or JwtBearer handler
/// reads from its authority. Only endpoints this server serves are listed.
/// </summary>
internal static class DiscoveryEndpoint
{
    public static IResult Handle(JwtTokens tokens, SigningKeys keys, IOptions<OAuthOptions> oauth)
    {
        var issuer = tokens.Issuer;
        string[] standardScopes = ["openid", "profile", "email"];
        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = $"{issuer}/oauth/authorize",
            ["token_endpoint"] = $"{issuer}/oauth/token",
            ["jwks_uri"] = $"{issuer}{JwksEndpoint.Path}",
            ["userinfo_endpoint"] = $"{issuer}/oauth/userinfo",
            ["introspection_endpoint"] = $"{issuer}/oauth/introspect",
            ["revocation_endpoint"] = $"{issuer}/oauth/revoke",
            ["end_session_endpoint"] = $"{issuer}{EndSessionEndpoint.Path}",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query", "form_post" },
            ["prompt_values_supported"] = new[] { "none", "login", "consent", "select_account" },
            ["grant_types_supported"] = new[] { "authorization_code", "refresh_token", "client_credentials" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { keys.Current.Algorithm },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post", "none" },
            ["scopes_supported"] = standardScopes.Concat(oauth.Value.Clients.Values.SelectMany(c => c.Scopes)).Distinct().Order().ToArray(),
            ["claims_supported"] = new[] { "sub", "iss", "aud", "exp", "iat", "nbf", "jti", "auth_time", "nonce", "at_hash", "azp", "client_id", "scope" },
        });
    }
}
