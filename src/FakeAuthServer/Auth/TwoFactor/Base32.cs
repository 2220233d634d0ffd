namespace FakeAuthServer.Auth.TwoFactor;

/// <summary>RFC 4648 Base32 decoding, the encoding authenticator apps use for TOTP secrets.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Decodes case-insensitively, ignoring spaces, hyphens and '=' padding (as apps display secrets).</summary>
    public static bool TryDecode(string text, out byte[] bytes)
    {
        // Stryker disable once Arithmetic : only the list's starting capacity
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var raw in text)
        {
            if (raw is ' ' or '-' or '=') continue;
            var value = Alphabet.IndexOf(char.ToUpperInvariant(raw));
            if (value < 0)
            {
                bytes = [];
                return false;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                // Stryker disable once Bitwise : the buffer is never negative, so >> and >>> agree
                output.Add((byte)(buffer >> bits));
                // Stryker disable once Bitwise : bits left unmasked sit above the next output byte and fall out of the (byte) cast (or off the top of the int)
                buffer &= (1 << bits) - 1;
            }
        }
        bytes = [.. output];
        return bytes.Length > 0;
    }

    public static byte[] Decode(string text) =>
        TryDecode(text, out var bytes) ? bytes : throw new FormatException("Not RFC 4648 Base32 text.");
}
