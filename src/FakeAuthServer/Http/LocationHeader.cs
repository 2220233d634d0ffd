using System.Text;

namespace FakeAuthServer.Http;

/// <summary>
/// Location is an ASCII header: Kestrel refuses any other character only while it writes the answer, too late
/// for anything but a 500. So a target is checked and encoded before it gets there.
/// </summary>
internal static class LocationHeader
{
    /// <summary>
    /// C0, DEL or C1: no encoding makes that a URL a client should follow (browsers even drop tabs and newlines,
    /// which can turn a local path into another origin), so such a target is refused, not repaired.
    /// </summary>
    public static bool HasControl(string target) => target.Any(char.IsControl);

    /// <summary>
    /// Every non-ASCII character as its UTF-8 bytes in %XX, as browsers and httpbin send it; ASCII is untouched.
    /// Percent-encoded, U+FF0F FULLWIDTH SOLIDUS or U+3002 IDEOGRAPHIC FULL STOP stay inert path text that no
    /// client normalises into '/' or '.'.
    /// </summary>
    public static string EncodeNonAscii(string target)
    {
        if (Ascii.IsValid(target)) return target;
        var encoded = new StringBuilder(target.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in target.EnumerateRunes()) // a lone surrogate comes out as U+FFFD
        {
            if (rune.IsAscii)
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length]) encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}
