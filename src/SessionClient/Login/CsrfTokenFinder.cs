using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace SessionClient;

/// <summary>
/// Finds the CSRF token a login page expects back: a hidden input with one of the usual names (csrf_token, _token,
/// authenticity_token, csrfmiddlewaretoken, _csrf), else a &lt;meta name="csrf-token" | "_csrf"&gt;, else a regex over the
/// raw text for pages an HTML parser would not show it in (a token in a script).
/// </summary>
public static partial class CsrfTokenFinder
{
    public static readonly IReadOnlyList<string> FieldNames = ["csrf_token", "_token", "authenticity_token", "csrfmiddlewaretoken", "_csrf"];
    private static readonly string[] MetaNames = ["csrf-token", "_csrf", "csrf_token"];

    /// <summary>The field name and value, or null when the page carries no token.</summary>
    public static (string Field, string Value)? Find(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var name in FieldNames)
            if (document.QuerySelector($"input[name='{name}']")?.GetAttribute("value") is { Length: > 0 } value)
                return (name, value);
        foreach (var name in MetaNames)
            if (document.QuerySelector($"meta[name='{name}']")?.GetAttribute("content") is { Length: > 0 } content)
                return (name == "csrf-token" ? "csrf_token" : name, content);
        return RawToken().Match(html) is { Success: true } m ? (m.Groups["name"].Value, m.Groups["value"].Value) : null;
    }

    [GeneratedRegex("""(?<name>csrf_token|_token|authenticity_token|csrfmiddlewaretoken|_csrf)["']?\s*[:=]\s*["'](?<value>[^"']{8,})["']""", RegexOptions.IgnoreCase)]
    private static partial Regex RawToken();
}
