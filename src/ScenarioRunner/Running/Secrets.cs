using System.Text.RegularExpressions;

namespace ScenarioRunner.Running;

/// <summary>
/// Masks secrets in what the narration and the HTML report show, unless --show-secrets: the value of any form field,
/// JSON property or query parameter whose name contains password, token, secret or verifier (PKCE), and the credentials of an
/// Authorization header. Cookies stay visible: following them is the lesson. A failure report (a scenario's
/// <c>Report()</c>: NUnit messages, JUnit, the CLI without --explain) always masks: it ends up in CI logs.
/// </summary>
internal static partial class Secrets
{
    public const string Mask = "•••";

    [GeneratedRegex("password|token|secret|verifier", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    // A JSON string property with a secret name; a regex rather than a parser so a cut or invalid body is masked too.
    [GeneratedRegex("""("[^"\\]*(?:password|token|secret|verifier)[^"\\]*"\s*:\s*)"(?:[^"\\]|\\.)*"?""", RegexOptions.IgnoreCase)]
    private static partial Regex JsonSecret();

    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

    /// <summary>A body as the narration shows it: form fields and JSON properties masked by name.</summary>
    public static string Body(string body, string? contentType, bool show)
    {
        if (show) return body;
        if (contentType?.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true) return Form(body);
        return JsonSecret().Replace(body, m => m.Groups[1].Value + "\"" + Mask + "\"");
    }

    public static string Header(string name, string value, bool show)
    {
        if (show || !name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)) return value;
        var space = value.IndexOf(' ');
        return space < 0 ? Mask : $"{value[..space]} {Mask}";
    }

    /// <summary>The URL with secret query parameters masked (an OAuth redirect's token, a reset link's token…).</summary>
    public static string Url(Uri url, bool show)
    {
        if (show || string.IsNullOrEmpty(url.Query)) return url.ToString();
        var text = url.ToString();
        var start = text.IndexOf('?');
        var end = text.IndexOf('#') is var hash and >= 0 ? hash : text.Length;
        return text[..(start + 1)] + Form(text[(start + 1)..end]) + text[end..];
    }

    public static string Captured(string name, string from, string value, bool show) =>
        show || !(IsSecretName(name) || IsSecretName(from)) ? value : Mask;

    private static string Form(string form) => string.Join('&', form.Split('&').Select(pair =>
    {
        var eq = pair.IndexOf('=');
        return eq > 0 && IsSecretName(Uri.UnescapeDataString(pair[..eq].Replace('+', ' '))) ? pair[..(eq + 1)] + Mask : pair;
    }));
}
