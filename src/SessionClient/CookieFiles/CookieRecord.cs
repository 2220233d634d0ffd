namespace SessionClient.CookieFiles;

/// <summary>A cookie as a file describes it, before the jar accepts it. <see cref="Domain"/> has a leading dot for domain cookies.</summary>
internal sealed record CookieRecord(int Line, string Name, string Value, string Domain, string Path, bool Secure, bool HttpOnly,
    DateTimeOffset? Expires, SameSiteMode SameSite)
{
    public static CookieRecord From(Cookie cookie) => new(0, cookie.Name, cookie.Value,
        cookie.HostOnly ? cookie.Domain : "." + cookie.Domain, cookie.Path, cookie.Secure, cookie.HttpOnly, cookie.Expires, cookie.SameSite);
}
