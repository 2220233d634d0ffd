using System.Net.Http.Headers;
using System.Text;

namespace FakeAuthServer.Http;

/// <summary>Reads the Authorization header: the Bearer token (RFC 6750 §2.1) or HTTP Basic credentials.</summary>
internal static class AuthorizationHeader
{
    // Base64 of anything longer is not a credential anyone configured; refuse before decoding it.
    private const int MaxCredentialsLength = 8 * 1024;

    public static bool TryGetParameter(HttpRequest request, string scheme, out string parameter)
    {
        parameter = "";
        if (request.Headers.Authorization.Count != 1 ||
            !AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header) ||
            !string.Equals(header.Scheme, scheme, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(header.Parameter))
            return false;
        parameter = header.Parameter;
        return true;
    }

    public static bool HasScheme(HttpRequest request, string scheme) =>
        request.Headers.Authorization.ToString().StartsWith(scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Basic credentials; null when absent, false when present but not base64 of UTF-8 "user:password".</summary>
    public static bool? TryGetBasic(HttpRequest request, out string user, out string password)
    {
        user = password = "";
        if (!HasScheme(request, "Basic")) return null;
        if (!TryGetParameter(request, "Basic", out var encoded) || encoded.Length > MaxCredentialsLength) return false;
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length)) return false;
        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':');
        if (colon < 0) return false;
        (user, password) = (decoded[..colon], decoded[(colon + 1)..]);
        return true;
    }
}
