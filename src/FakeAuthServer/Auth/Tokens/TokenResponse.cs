using System.Text.Json.Serialization;

namespace FakeAuthServer.Auth.Tokens;

/// <summary>The RFC 6749 §5.1 success body, shared by /api/auth/login, /api/auth/refresh and /oauth/token.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("refresh_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefreshToken,
    [property: JsonPropertyName("scope"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Scope)
{
    [JsonPropertyName("token_type")]
    public string TokenType => "Bearer";

    /// <summary>The OpenID Connect id_token, when the grant's scope has openid.</summary>
    [JsonPropertyName("id_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IdToken { get; init; }
}
