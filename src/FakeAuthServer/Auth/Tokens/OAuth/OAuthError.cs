namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>RFC 6749 §5.2 error answers of the token endpoint: {"error","error_description"} as application/json, never cached.</summary>
internal static class OAuthError
{
    public const string InvalidRequest = "invalid_request";
    public const string InvalidClient = "invalid_client";
    public const string InvalidGrant = "invalid_grant";
    public const string UnauthorizedClient = "unauthorized_client";
    public const string UnsupportedGrantType = "unsupported_grant_type";
    public const string InvalidScope = "invalid_scope";

    public static IResult Of(string error, string description) =>
        NoStore.Wrap(Results.Json(new { error, error_description = description }, statusCode: StatusCodes.Status400BadRequest));

    /// <summary>invalid_client is a 401 with a challenge naming the scheme clients authenticate with (§5.2).</summary>
    public static IResult Client(HttpContext context, string description)
    {
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"FakeAuth OAuth\"";
        return NoStore.Wrap(Results.Json(new { error = InvalidClient, error_description = description },
            statusCode: StatusCodes.Status401Unauthorized));
    }
}
