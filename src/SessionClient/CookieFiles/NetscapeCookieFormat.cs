using System.Globalization;
using System.Text;

namespace SessionClient.CookieFiles;

/// <summary>
/// curl's cookies.txt: seven tab-separated fields (domain, include-subdomains, path, secure, expiry in Unix seconds
/// with 0 for a session cookie, name, value); a "#HttpOnly_" prefix on the domain marks HttpOnly.
/// </summary>
internal static class NetscapeCookieFormat
{
    private const string HttpOnlyPrefix = "#HttpOnly_";

    public static string Write(IEnumerable<Cookie> cookies)
    {
        var text = new StringBuilder("# Netscape HTTP Cookie File\n# https://curl.se/docs/http-cookies.html\n# Written by SessionKit.\n\n");
        // A tab in a name would shift every field after it; such a cookie cannot live in this format.
        foreach (var cookie in cookies.Where(c => !c.Name.Contains('\t')))
        {
            if (cookie.HttpOnly) text.Append(HttpOnlyPrefix);
            text.Append(cookie.HostOnly ? cookie.Domain : "." + cookie.Domain).Append('\t')
                .Append(cookie.HostOnly ? "FALSE" : "TRUE").Append('\t')
                .Append(cookie.Path).Append('\t')
                .Append(cookie.Secure ? "TRUE" : "FALSE").Append('\t')
                .Append(cookie.Expires is { } expires ? Math.Max(1, expires.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture) : "0").Append('\t')
                .Append(cookie.Name).Append('\t')
                .Append(cookie.Value).Append('\n');
        }
        return text.ToString();
    }

    public static List<CookieRecord> Read(string text, string source)
    {
        var records = new List<CookieRecord>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var httpOnly = line.StartsWith(HttpOnlyPrefix, StringComparison.Ordinal);
            if (httpOnly) line = line[HttpOnlyPrefix.Length..];
            else if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line)) continue;

            var fields = line.Split('\t', 7); // a value may hold a tab; the name may not (see Write)
            if (fields.Length != 7)
                throw new CookieFileException(source, i + 1, $"expected 7 tab-separated fields, found {fields.Length}.");
            var includeSubdomains = Flag(fields[1], "include-subdomains", source, i + 1);
            var secure = Flag(fields[3], "secure", source, i + 1);
            if (!long.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
                seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
                throw new CookieFileException(source, i + 1, $"the expiry '{fields[4]}' is not a Unix time in seconds.");

            var domain = fields[0].TrimStart('.');
            records.Add(new CookieRecord(i + 1, fields[5], fields[6], includeSubdomains ? "." + domain : domain, fields[2],
                secure, httpOnly, seconds == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(seconds), SameSiteMode.Unspecified));
        }
        return records;
    }

    private static bool Flag(string field, string name, string source, int line) => field switch
    {
        "TRUE" => true,
        "FALSE" => false,
        _ => throw new CookieFileException(source, line, $"the {name} field must be TRUE or FALSE, not '{field}'."),
    };
}
