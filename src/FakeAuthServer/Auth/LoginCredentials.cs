using System.Text.Json;
using System.Text.Json.Serialization;
using FakeAuthServer.Http;

namespace FakeAuthServer.Auth;

/// <summary>
/// Username and password from a form (urlencoded or multipart) or a JSON object, and the optional OAuth scope a token
/// login asks for (space-separated, RFC 6749 §3.3).
/// </summary>
internal sealed record LoginCredentials(string Username, string Password, string? Scope = null)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The credentials, or a 4xx problem saying what is wrong with the request.</summary>
    public static async Task<(LoginCredentials? Credentials, IResult? Problem)> ReadAsync(HttpRequest request,
        CancellationToken cancellationToken)
    {
        string? username, password, scope;
        if (request.HasJsonContentType())
        {
            var body = await JsonSerializer.DeserializeAsync<JsonBody>(request.Body, JsonOptions, cancellationToken);
            (username, password, scope) = (body?.Username, body?.Password, body?.Scope);
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            (username, password, scope) = (Single(form["username"]), Single(form["password"]), Single(form["scope"]));
        }
        else
        {
            return (null, Problems.UnsupportedMediaType(
                "application/x-www-form-urlencoded, multipart/form-data or application/json"));
        }

        if (Problems.IfMissing(("username", username), ("password", password)) is { } missing) return (null, missing);
        return (new LoginCredentials(username!, password!, scope), null);
    }

    private static string? Single(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 0 ? null : values[0];

    private sealed record JsonBody(
        [property: JsonPropertyName("username")] string? Username,
        [property: JsonPropertyName("password")] string? Password,
        [property: JsonPropertyName("scope")] string? Scope);
}
