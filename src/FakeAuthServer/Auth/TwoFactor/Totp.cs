using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace FakeAuthServer.Auth.TwoFactor;

/// <summary>
/// RFC 6238 TOTP with the parameters every authenticator app uses: HMAC-SHA1, 30-second steps from the Unix epoch.
/// Public so clients and tests compute the code the server expects from the same clock.
/// </summary>
public static class Totp
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>Steps either side of now that still count, for clocks a little apart (RFC 6238 §5.2).</summary>
    public const int Window = 1;

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    public static string Code(byte[] secret, DateTimeOffset time, int digits = 6) => CodeForStep(secret, StepAt(time), digits);

    /// <summary>RFC 4226 HOTP of the step counter, with dynamic truncation.</summary>
    public static string CodeForStep(byte[] secret, long step, int digits = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 9);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFF_FFFF;
        var modulus = (int)Math.Pow(10, digits);
        return (binary % modulus).ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The step whose code equals <paramref name="code"/> within the window around <paramref name="now"/>, or null.
    /// Every candidate is compared in constant time, and all of them are, so timing says nothing about which matched.
    /// </summary>
    public static long? MatchingStep(byte[] secret, string code, DateTimeOffset now, int digits = 6)
    {
        var given = Encoding.ASCII.GetBytes(code);
        var current = StepAt(now);
        long? match = null;
        for (var step = current - Window; step <= current + Window; step++)
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(CodeForStep(secret, step, digits)), given))
                match ??= step;
        return match;
    }
}
