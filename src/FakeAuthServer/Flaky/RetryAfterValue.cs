using System.Globalization;

namespace FakeAuthServer.Flaky;

/// <summary>
/// A Retry-After value (RFC 9110 §10.2.3): whole seconds (0 to 3600 here) or an HTTP date. Dates are accepted in
/// the three forms recipients must read (IMF-fixdate, RFC 850, asctime) and always sent back as IMF-fixdate.
/// </summary>
internal static class RetryAfterValue
{
    public const int MaxSeconds = 3600;

    private static readonly string[] HttpDateFormats =
    [
        "r",                                   // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        "dddd, dd'-'MMM'-'yy HH':'mm':'ss 'GMT'", // obsolete RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
        "ddd MMM d HH':'mm':'ss yyyy",          // obsolete asctime: Sun Nov  6 08:49:37 1994
    ];

    /// <summary>The header value to send for <paramref name="text"/>, or false when it is neither form.</summary>
    public static bool TryNormalize(string text, out string normalized)
    {
        normalized = "";
        if (text.Length > 0 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            // All digits: seconds, never a date, so "3601" is refused rather than guessed at.
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxSeconds)
                return false;
            normalized = seconds.ToString(CultureInfo.InvariantCulture);
            return true;
        }
        if (!DateTimeOffset.TryParseExact(text, HttpDateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowInnerWhite | DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            return false;
        normalized = date.ToString("r", CultureInfo.InvariantCulture);
        return true;
    }
}
