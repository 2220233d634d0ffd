namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>
/// OpenID Connect Core §3.1.2.1's prompt and max_age: whether a user's live session may answer an authorization
/// request, must be replaced by a fresh login, or (prompt=none) must not be asked for at all.
/// </summary>
internal sealed record AuthorizePrompt(bool None, bool Login, TimeSpan? MaxAge)
{
    private static readonly string[] Known = ["none", "login", "consent", "select_account"];

    /// <summary>The parsed prompt and max_age, or an error description for invalid_request.</summary>
    public static (AuthorizePrompt? Prompt, string? Error) Parse(string? prompt, string? maxAge)
    {
        var values = (prompt ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (values.FirstOrDefault(v => !Known.Contains(v, StringComparer.Ordinal)) is { } unknown)
            return (null, $"prompt value '{unknown}' is not one of {string.Join(", ", Known)}.");
        var none = values.Contains("none");
        if (none && values.Length > 1) return (null, "prompt=none cannot be combined with other prompt values.");

        TimeSpan? age = null;
        if (maxAge is not null)
        {
            if (!int.TryParse(maxAge, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
                return (null, "max_age must be a whole number of seconds.");
            age = TimeSpan.FromSeconds(seconds);
        }
        // consent and select_account need nothing here: the fake has no consent screen and one user per session.
        return (new AuthorizePrompt(none, values.Contains("login"), age), null);
    }

    /// <summary>True when the session's login is recent enough and no fresh login was asked for.</summary>
    public bool Accepts(Sessions.ServerSession session, DateTimeOffset now) =>
        !Login && (MaxAge is not { } age || now - session.Created <= age);
}
