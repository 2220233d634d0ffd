namespace SessionClient;

/// <summary>
/// The RFC 6265 §5.1.1 cookie-date algorithm. It is deliberately lenient: real servers send
/// every date format ever invented, and the algorithm picks the first token that looks like a
/// time, day, month and year in whatever order they come.
/// </summary>
public static class CookieDateParser
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Parses a cookie-date; null when the algorithm says to ignore it. Never throws.</summary>
    public static DateTimeOffset? Parse(string? cookieDate)
    {
        if (string.IsNullOrEmpty(cookieDate))
            return null;

        int? hour = null, minute = null, second = null, day = null, month = null, year = null;
        var text = cookieDate.AsSpan();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && IsDelimiter(text[i]))
                i++;
            var start = i;
            while (i < text.Length && !IsDelimiter(text[i]))
                i++;
            // Stryker disable once Statement : i == start only at the end of the text; the empty token would match no field anyway
            if (i == start)
                continue;
            var token = text[start..i];

            if (hour is null && TryParseTime(token, out var h, out var m, out var s))
                (hour, minute, second) = (h, m, s);
            else if (day is null && TryParseDigits(token, 1, 2, out var d))
                day = d;
            else if (month is null && TryParseMonth(token, out var mo))
                month = mo;
            else if (year is null && TryParseDigits(token, 2, 4, out var y))
                year = y;
        }

        if (hour is null || day is null || month is null || year is null)
            return null;

        var fullYear = year.Value switch
        {
            >= 70 and <= 99 => year.Value + 1900,
            >= 0 and <= 69 => year.Value + 2000,
            _ => year.Value,
        };
        if (day < 1 || day > 31 || fullYear < 1601 || hour > 23 || minute > 59 || second > 59)
            return null;
        // "If the date does not exist (e.g. 31 February), abort."
        if (day > DateTime.DaysInMonth(fullYear, month.Value))
            return null;

        return new DateTimeOffset(fullYear, month.Value, day.Value, hour.Value, minute!.Value, second!.Value, TimeSpan.Zero);
    }

    // delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E; everything else, non-ASCII included, is token text.
    private static bool IsDelimiter(char c) =>
        c == '\t' || c is >= ' ' and <= '/' || c is >= ';' and <= '@' || c is >= '[' and <= '`' || c is >= '{' and <= '~';

    // time = 1*2DIGIT ":" 1*2DIGIT ":" 1*2DIGIT ( non-digit *OCTET )
    private static bool TryParseTime(ReadOnlySpan<char> token, out int hour, out int minute, out int second)
    {
        minute = second = 0;
        var pos = 0;
        return ReadField(token, ref pos, out hour) && Expect(token, ref pos, ':')
            && ReadField(token, ref pos, out minute) && Expect(token, ref pos, ':')
            && ReadField(token, ref pos, out second) && (pos == token.Length || !char.IsAsciiDigit(token[pos]));

        static bool Expect(ReadOnlySpan<char> token, ref int pos, char c)
        {
            if (pos >= token.Length || token[pos] != c)
                return false;
            pos++;
            return true;
        }

        static bool ReadField(ReadOnlySpan<char> token, ref int pos, out int value)
        {
            value = 0;
            var start = pos;
            while (pos < token.Length && pos - start < 2 && char.IsAsciiDigit(token[pos]))
                value = value * 10 + (token[pos++] - '0');
            return pos > start;
        }
    }

    // min*maxDIGIT ( non-digit *OCTET ): leading digits only, and not followed by another digit.
    private static bool TryParseDigits(ReadOnlySpan<char> token, int min, int max, out int value)
    {
        value = 0;
        var count = 0;
        while (count < token.Length && char.IsAsciiDigit(token[count]))
        {
            if (++count > max)
                return false;
            value = value * 10 + (token[count - 1] - '0');
        }
        return count >= min;
    }

    // month = ( "jan" / ... / "dec" ) *OCTET, case-insensitive: "April" and "Apri" are both April.
    private static bool TryParseMonth(ReadOnlySpan<char> token, out int month)
    {
        month = 0;
        if (token.Length < 3)
            return false;
        var prefix = token[..3];
        for (var m = 0; m < Months.Length; m++)
        {
            if (prefix.Equals(Months[m], StringComparison.OrdinalIgnoreCase))
            {
                month = m + 1;
                return true;
            }
        }
        return false;
    }
}
