using System.Security.Cryptography;

namespace FakeAuthServer.Sessions;

internal static class SessionIds
{
    public const int Length = 32;

    /// <summary>128 random bits as 32 lowercase hex digits, the shape the tutorial's user_id cookie has.</summary>
    public static string New() => RandomNumberGenerator.GetHexString(Length, lowercase: true);

    /// <summary>Cheap shape check, so forged ids never reach the store.</summary>
    public static bool HasValidShape(ReadOnlySpan<char> id)
    {
        if (id.Length != Length) return false;
        foreach (var c in id)
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)) return false;
        return true;
    }
}
