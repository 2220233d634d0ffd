using FakeAuthServer.Http;
using FakeAuthServer.Sessions;

namespace FakeAuthServer.Admin.Inspector;

/// <summary>
/// A journal entry as the inspector shows it: the cookies the request carried and the ones the answer set, the
/// session it belongs to, the Authorization scheme. Never a body, a query string or a credential: values of cookies
/// whose name says they hold a secret (token, secret, pass…) and every Authorization parameter are redacted. Session
/// cookie values are shown — seeing them travel is the lesson.
/// </summary>
internal sealed record InspectedRequest(
    RequestJournal.Entry Entry,
    IReadOnlyList<KeyValuePair<string, string>> CookiesReceived,
    IReadOnlyList<string> CookiesSet,
    string? Authorization,
    string? SessionSent,
    string? SessionSet)
{
    public const string Redacted = "•••";
    private static readonly string[] SecretNameParts = ["token", "secret", "pass", "auth", "key", "csrf"];

    /// <summary>An entry added without its request (RequestJournal.Add): nothing more to show.</summary>
    public static InspectedRequest Bare(RequestJournal.Entry entry) => new(entry, [], [], null, null, null);

    public static InspectedRequest Of(HttpContext context, RequestJournal.Entry entry)
    {
        var received = CookieHeader.Parse(context.Request);
        var set = context.Response.Headers.SetCookie.OfType<string>().ToList();
        return new InspectedRequest(entry,
            [.. received.Select(c => new KeyValuePair<string, string>(c.Key, RedactValue(c.Key, c.Value)))],
            [.. set.Select(RedactSetCookie)],
            AuthorizationScheme(context.Request),
            received.FirstOrDefault(c => c.Key == SessionCookie.Name && c.Value.Length > 0).Value,
            set.Select(SessionStarted).LastOrDefault(id => id is not null));
    }

    private static string RedactValue(string name, string value) =>
        SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase)) && value.Length > 0 ? Redacted : value;

    private static string RedactSetCookie(string header)
    {
        var eq = header.IndexOf('=');
        if (eq <= 0) return header;
        var end = header.IndexOf(';', eq);
        if (end < 0) end = header.Length;
        var name = header[..eq].Trim();
        return name + "=" + RedactValue(name, header[(eq + 1)..end]) + header[end..];
    }

    /// <summary>"Bearer •••", "Basic •••": which scheme, never the credential.</summary>
    private static string? AuthorizationScheme(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0) return null;
        var space = header.IndexOf(' ');
        var scheme = space < 0 ? header : header[..space];
        return scheme.Length is > 0 and <= 20 && scheme.All(char.IsAsciiLetterOrDigit) ? $"{scheme} {Redacted}" : Redacted;
    }

    /// <summary>The id a Set-Cookie gives the session cookie; null for another cookie or an expiring one.</summary>
    private static string? SessionStarted(string header)
    {
        var prefix = SessionCookie.Name + "=";
        if (!header.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var end = header.IndexOf(';');
        var value = header[prefix.Length..(end < 0 ? header.Length : end)];
        return value.Length == 0 || header.Contains("Max-Age=0", StringComparison.OrdinalIgnoreCase) ? null : value;
    }
}
