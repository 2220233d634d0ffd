using System.Text.Json;
using System.Text.Json.Serialization;
using FakeAuthServer.Http;

namespace FakeAuthServer.Auth.Tokens;

/// <summary>
/// POST /api/auth/refresh: a refresh token (JSON {"refresh_token"} or form) for a new access token and a new refresh
/// token; the old one is spent, and handing it in again revokes every token of that login.
/// </summary>
internal static class RefreshEndpoint
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> Handle(HttpContext context, TokenIssuer issuer)
    {
        var request = context.Request;
        string? token;
        if (request.HasJsonContentType())
            token = (await JsonSerializer.DeserializeAsync<Body>(request.Body, JsonOptions, context.RequestAborted))?.RefreshToken;
        else if (request.HasFormContentType)
            token = (await request.ReadFormAsync(context.RequestAborted))["refresh_token"].FirstOrDefault();
        else
            return Problems.UnsupportedMediaType("application/json or application/x-www-form-urlencoded");
        if (string.IsNullOrEmpty(token)) return Problems.MissingFields("refresh_token");

        // Tokens issued to an OAuth client are refreshed at /oauth/token, where the client authenticates.
        var outcome = await issuer.RefreshAsync(token,
            grant => grant.ClientId is null ? (grant, RefreshFailure.None) : (null, RefreshFailure.WrongClient),
            context.RequestAborted);
        if (outcome.Response is not null) return NoStore.Wrap(Results.Ok(outcome.Response));

        var detail = outcome.Failure switch
        {
            RefreshFailure.Reused => "The refresh token was already used; every token of this login is revoked. Log in again.",
            RefreshFailure.WrongClient => "The refresh token belongs to an OAuth client; refresh it at /oauth/token.",
            _ => "The refresh token is unknown or expired. Log in again.",
        };
        return Problems.Of(StatusCodes.Status401Unauthorized, "Invalid refresh token", detail);
    }

    private sealed record Body([property: JsonPropertyName("refresh_token")] string? RefreshToken);
}
