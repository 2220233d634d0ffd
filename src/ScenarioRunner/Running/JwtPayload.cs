using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace ScenarioRunner.Running;

/// <summary>
/// The claims of a JWT as JSON, read without checking the signature: a scenario shows and asserts what a server
/// put in its tokens; verifying them is the job of the app that trusts the server.
/// </summary>
internal static class JwtPayload
{
    /// <summary>The payload JSON, or null when <paramref name="token"/> is not a compact JWS with a JSON object payload.</summary>
    public static string? Decode(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || !Base64Url.IsValid(parts[1])) return null;
        try
        {
            var json = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
            return JsonDocument.Parse(json).RootElement.ValueKind == JsonValueKind.Object ? json : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or DecoderFallbackException)
        {
            return null;
        }
    }
}
