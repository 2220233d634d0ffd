using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FakeAuthServer.Auth.Tokens;

/// <summary>Token strings: 256 random bits, base64url. Stores key them by SHA-256 so no lookup compares secrets directly.</summary>
internal static class TokenValues
{
    /// <summary>Far above the 43 characters of an opaque token and the ~800 of an RS256 JWT; longer input is rejected before hashing.</summary>
    public const int MaxLength = 4096;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// The storage key. Looking up a hash instead of the token means a timing difference in the dictionary's string
    /// comparison tells an attacker about the hash, which gives nothing away about any live token.
    /// </summary>
    public static string KeyOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool HasPlausibleShape(string? token) => !string.IsNullOrEmpty(token) && token.Length <= MaxLength;
}
