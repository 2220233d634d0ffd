using System.Buffers;

namespace FakeAuthServer.Http;

/// <summary>Writes Set-Cookie headers by hand, so attribute names and order are exactly the tutorial's.</summary>
internal static class SetCookie
{
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>RFC 6265 cookie-octet, plus space which browsers accept inside values.</summary>
    private static readonly SearchValues<char> ValueChars = SearchValues.Create(
        " !#$%&'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    public static bool IsValidName(string name) => name.Length > 0 && !name.AsSpan().ContainsAnyExcept(TokenChars);

    public static bool IsValidValue(string value)
    {
        var span = value.AsSpan();
        if (span.Length >= 2 && span[0] == '"' && span[^1] == '"') span = span[1..^1];
        return !span.ContainsAnyExcept(ValueChars);
    }

    /// <summary>Only cookies that can be written back into a header unchanged are echoed.</summary>
    public static bool CanEcho(string name, string value) => IsValidName(name) && IsValidValue(value);

    public static void AppendSessionCookie(HttpResponse response, string name, string value, TimeSpan lifetime) =>
        response.Headers.Append("Set-Cookie",
            $"{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={(long)lifetime.TotalSeconds}{SecureOver(response)}");

    /// <summary>
    /// "; Secure" for an answer over https: a session or CSRF cookie set there must never travel over plain http.
    /// Over http it stays off, so the tutorials' Set-Cookie lines are unchanged byte for byte.
    /// </summary>
    public static string SecureOver(HttpResponse response) => response.HttpContext.Request.IsHttps ? "; Secure" : "";

    public static void AppendPlain(HttpResponse response, string name, string value) =>
        response.Headers.Append("Set-Cookie", $"{name}={value}; Path=/");

    public static void AppendExpired(HttpResponse response, string name) =>
        response.Headers.Append("Set-Cookie", $"{name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/");
}
