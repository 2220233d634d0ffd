using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SessionClient;

/// <summary>RFC 7636 PKCE for a client: a fresh verifier and its S256 challenge, BASE64URL(SHA256(ASCII(verifier))).</summary>
public static class Pkce
{
    /// <summary>32 random bytes as base64url: 43 characters, the shortest verifier §4.1 allows, with 256 bits of entropy.</summary>
    public static string NewVerifier() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string S256Challenge(string verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
    }
}
