namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>
/// The form body every OAuth endpoint reads (token, introspection, revocation): urlencoded only, each parameter
/// once (RFC 6749 §3.2), a malformed body an invalid_request rather than an exception.
/// </summary>
internal static class OAuthForm
{
    public static async Task<(OAuthParameters? Parameters, IResult? Error)> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
            return (null, OAuthError.Of(OAuthError.InvalidRequest, "Send the parameters as application/x-www-form-urlencoded."));
        OAuthParameters p;
        try
        {
            p = new OAuthParameters(await request.ReadFormAsync(context.RequestAborted));
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return (null, OAuthError.Of(OAuthError.InvalidRequest, $"The form body is malformed: {e.Message}"));
        }
        return p.Repeated is { } repeated
            ? (null, OAuthError.Of(OAuthError.InvalidRequest, $"{repeated} was sent more than once."))
            : (p, null);
    }
}
