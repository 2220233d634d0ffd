namespace ScenarioRunner.Model;

public enum LoginKind { Form, Api }

/// <summary>
/// A session's <c>relogin:</c> block, the YAML face of SessionClient's ReloginPolicy: how the session logs in again
/// (an HTML form with its CSRF token, or fields posted to a login API) and what tells it that it was logged out.
/// </summary>
public sealed record ReloginSpec
{
    public required LoginKind Kind { get; init; }

    /// <summary>The login page (form) or the login endpoint (api), relative to the target or absolute.</summary>
    public required string Url { get; init; }

    /// <summary>Form only: the credentials typed into the form.</summary>
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string? UsernameField { get; init; }
    public string? PasswordField { get; init; }

    /// <summary>Form only: the second factor, expanded when the login asks for it (e.g. <c>{{totp:SECRET}}</c>).</summary>
    public string? TwoFactorCode { get; init; }

    /// <summary>The fields posted (api), or extra fields beside the credentials (form).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];

    /// <summary>A 401 means "logged out".</summary>
    public bool On401 { get; init; } = true;

    /// <summary>A response that ends on this path (after redirects) means "logged out", e.g. /login.</summary>
    public string? LoginPath { get; init; }
}
