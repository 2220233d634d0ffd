using System.Buffers;

namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>RFC 6749 §3.3 scope strings: space-delimited tokens of NQCHAR (printable ASCII but space, '"' and '\').</summary>
internal static class Scopes
{
    /// <summary>OpenID Connect's scope: the authorization is also a sign-in, answered with an id_token.</summary>
    public const string OpenId = "openid";

    private static readonly SearchValues<char> Nqchar = SearchValues.Create(
        Enumerable.Range(0x21, 0x7E - 0x21 + 1).Select(c => (char)c).Where(c => c is not '"' and not '\\').ToArray());

    public static bool IsValidToken(string scope) => scope.Length > 0 && !scope.AsSpan().ContainsAnyExcept(Nqchar);

    /// <summary>The requested scopes, or null when the string is malformed.</summary>
    public static IReadOnlyList<string>? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value)) return [];
        var parts = value.Split(' ');
        return parts.All(IsValidToken) ? parts.Distinct(StringComparer.Ordinal).ToList() : null;
    }

    public static bool AllIn(IEnumerable<string> requested, IEnumerable<string> allowed) =>
        requested.All(new HashSet<string>(allowed, StringComparer.Ordinal).Contains);

    public static string Join(IEnumerable<string> scopes) => string.Join(' ', scopes);
}
