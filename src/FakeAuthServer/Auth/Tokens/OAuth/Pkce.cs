using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>RFC 7636 PKCE with the S256 method only: challenge = BASE64URL(SHA256(ASCII(verifier))).</summary>
internal static class Pkce
{
    public const string S256 = "S256";

    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");

    private static readonly SearchValues<char> Base64UrlChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>§4.1: 43 to 128 unreserved characters.</summary>
    public static bool IsValidVerifier(string? verifier) =>
        verifier is { Length: >= 43 and <= 128 } && !verifier.AsSpan().ContainsAnyExcept(Unreserved);

    /// <summary>An S256 challenge is a base64url SHA-256 digest without padding: exactly 43 characters.</summary>
    public static bool IsValidS256Challenge(string? challenge) =>
        challenge is { Length: 43 } && !challenge.AsSpan().ContainsAnyExcept(Base64UrlChars);

    public static string S256Challenge(string verifier) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>§4.6, compared in constant time.</summary>
    public static bool Verify(string verifier, string challenge) =>
        IsValidVerifier(verifier) && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(S256Challenge(verifier)), Encoding.ASCII.GetBytes(challenge));
}
