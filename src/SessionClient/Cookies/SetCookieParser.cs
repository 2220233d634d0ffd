using System.Globalization;

namespace SessionClient;

/// <summary>
/// RFC 6265 §5.2 parsing of a single Set-Cookie header value. Never splits on commas: a comma is
/// ordinary text in a value or an Expires date, so callers must hand over one header value at a time.
/// </summary>
public static class SetCookieParser
{
    // 6265bis §5.6: attribute values longer than this are ignored, which bounds what a server can make us keep.
    internal const int MaxAttributeValueLength = 1024;

    /// <summary>Returns the parsed cookie, or null when §5.2 says to ignore the header. Never throws.</summary>
    public static SetCookieParseResult? Parse(string? setCookieHeaderValue)
    {
        if (string.IsNullOrEmpty(setCookieHeaderValue))
            return null;

        var line = TruncateAtLineTerminator(setCookieHeaderValue.AsSpan());
        var semicolon = line.IndexOf(';');
        var pair = semicolon < 0 ? line : line[..semicolon];
        var attributes = semicolon < 0 ? [] : line[semicolon..];

        // A nameless "foo" is ignored (RFC 6265); 6265bis would keep it as a cookie named "", but
        // servers that send it almost never mean that and the http-state corpus expects RFC 6265.
        var equals = pair.IndexOf('=');
        if (equals < 0)
            return null;
        var name = TrimWhitespace(pair[..equals]);
        var value = TrimWhitespace(pair[(equals + 1)..]);
        if (name.IsEmpty || ContainsControl(name) || ContainsControl(value))
            return null;

        var result = new SetCookieParseResult { Name = name.ToString(), Value = value.ToString() };
        while (!attributes.IsEmpty)
        {
            attributes = attributes[1..]; // the ';' that introduced this attribute
            var end = attributes.IndexOf(';');
            var av = end < 0 ? attributes : attributes[..end];
            attributes = end < 0 ? [] : attributes[end..];
            result = ApplyAttribute(result, av);
        }
        return result;
    }

    private static SetCookieParseResult ApplyAttribute(SetCookieParseResult cookie, ReadOnlySpan<char> av)
    {
        var equals = av.IndexOf('=');
        var name = TrimWhitespace(equals < 0 ? av : av[..equals]);
        var value = equals < 0 ? [] : TrimWhitespace(av[(equals + 1)..]);
        if (value.Length > MaxAttributeValueLength)
            return cookie;

        if (name.Equals("Expires", StringComparison.OrdinalIgnoreCase))
            return CookieDateParser.Parse(value.ToString()) is { } date ? cookie with { Expires = date } : cookie;
        if (name.Equals("Max-Age", StringComparison.OrdinalIgnoreCase))
            return TryParseMaxAge(value, out var seconds) ? cookie with { MaxAgeSeconds = seconds } : cookie;
        if (name.Equals("Domain", StringComparison.OrdinalIgnoreCase))
            // An empty Domain is ignored rather than meaning "host-only" (the §5.2.3 SHOULD).
            return value.IsEmpty ? cookie : cookie with { Domain = CanonicalizeDomainAttribute(value) };
        if (name.Equals("Path", StringComparison.OrdinalIgnoreCase))
            return cookie with { Path = !value.IsEmpty && value[0] == '/' ? value.ToString() : null };
        if (name.Equals("Secure", StringComparison.OrdinalIgnoreCase))
            return cookie with { Secure = true };
        if (name.Equals("HttpOnly", StringComparison.OrdinalIgnoreCase))
            return cookie with { HttpOnly = true };
        if (name.Equals("SameSite", StringComparison.OrdinalIgnoreCase))
            return cookie with { SameSite = ParseSameSite(value) };
        return cookie;
    }

    // §5.2.2: optional '-' then digits only; anything else makes the attribute ignored.
    private static bool TryParseMaxAge(ReadOnlySpan<char> value, out long seconds)
    {
        seconds = 0;
        var digits = !value.IsEmpty && value[0] == '-' ? value[1..] : value;
        if (digits.IsEmpty)
            return false;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        if (digits.Length != value.Length)
        {
            seconds = -1; // how negative does not matter: it means "already expired"
            return true;
        }
        // Absurdly large lifetimes saturate instead of failing, as browsers do.
        seconds = long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : long.MaxValue;
        return true;
    }

    private static string CanonicalizeDomainAttribute(ReadOnlySpan<char> value)
    {
        if (value[0] == '.')
            value = value[1..];
        return DomainMatching.CanonicalizeDomain(value.ToString());
    }

    private static SameSiteMode ParseSameSite(ReadOnlySpan<char> value)
    {
        if (value.Equals("Strict", StringComparison.OrdinalIgnoreCase))
            return SameSiteMode.Strict;
        if (value.Equals("Lax", StringComparison.OrdinalIgnoreCase))
            return SameSiteMode.Lax;
        if (value.Equals("None", StringComparison.OrdinalIgnoreCase))
            return SameSiteMode.None;
        return SameSiteMode.Unspecified; // 6265bis: unknown values mean "enforcement: Default"
    }

    // Browsers cut the line at NUL, CR or LF (what the http-state "disabled" cases expect) instead of
    // rejecting it; either way nothing after a line terminator can reach a request header.
    private static ReadOnlySpan<char> TruncateAtLineTerminator(ReadOnlySpan<char> line)
    {
        var cut = line.IndexOfAny('\0', '\r', '\n');
        return cut < 0 ? line : line[..cut];
    }

    // Other control characters (tab excepted) make the cookie invalid, as in 6265bis §5.6 and Chromium.
    private static bool ContainsControl(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if ((c < ' ' && c != '\t') || c == '\x7F')
                return true;
        }
        return false;
    }

    // RFC 6265 WSP is exactly space and horizontal tab; Unicode spaces are part of the text.
    internal static ReadOnlySpan<char> TrimWhitespace(ReadOnlySpan<char> text) => text.Trim(" \t");
}
