using System.Security.Cryptography;

namespace FakeAuthServer.Auth.Forms;

/// <summary>
/// The HMAC key behind the login form's CSRF tokens. Random per process by default; instances sharing state read
/// one key from Redis, so a form served by one instance can be posted to another.
/// </summary>
public sealed class CsrfKey(byte[] bytes)
{
    public const int Length = 32;

    public byte[] Bytes { get; } = bytes.Length == Length ? bytes : throw new ArgumentException($"A CSRF key is {Length} bytes.", nameof(bytes));

    public static CsrfKey NewRandom() => new(RandomNumberGenerator.GetBytes(Length));
}
