using FakeAuthServer.Http;

namespace FakeAuthServer.Auth.Forms;

/// <summary>Open-redirect protection for ?next=: only a path on this site is followed, anything else means /dashboard.</summary>
internal static class LocalRedirect
{
    public const string Default = "/dashboard";
    // Room for an OpenID Connect authorization request to come back through the login page: an app's state and
    // nonce alone can take a kilobyte or more.
    public const int MaxLength = 4096;

    /// <summary>
    /// "/x" is local; "//evil.example" and "/\evil.example" are other origins to browsers, and browsers drop tabs and
    /// newlines from URLs ("/\t/evil.example" becomes "//evil.example"), so any control or space character disqualifies.
    /// </summary>
    public static bool IsSafe(string? next) =>
        next is { Length: > 0 and <= MaxLength } &&
        next[0] == '/' &&
        (next.Length == 1 || (next[1] != '/' && next[1] != '\\')) &&
        !next.AsSpan().ContainsAny('\\', ' ') &&
        !next.Any(char.IsControl);

    /// <summary>
    /// The safe next ready for the Location header, non-ASCII percent-encoded: callers take it before the login
    /// changes any state, because Kestrel would refuse a raw non-ASCII Location only after the session exists.
    /// </summary>
    public static string OrDefault(string? next) => IsSafe(next) ? LocationHeader.EncodeNonAscii(next!) : Default;
}
