using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>httpbin's cookie endpoints (seeds 001, 003): show, set (then redirect to /cookies), delete.</summary>
internal static class CookiesEndpoints
{
    public static IResult Show(HttpRequest request) =>
        HttpbinJson.Ok(new { cookies = CookieHeader.ToDictionary(CookieHeader.Parse(request)) });

    public static IResult SetFromQuery(HttpContext context)
    {
        // httpbin sets each name once, with its first value; names differing in case are different cookies.
        var cookies = RawQuery.FirstValues(context.Request);
        foreach (var (name, value) in cookies)
            if (Invalid(name, value) is { } problem) return problem;
        foreach (var (name, value) in cookies)
            SetCookie.AppendPlain(context.Response, name, QuotedAsWerkzeug(value));
        return HttpbinRedirect.WithPage("/cookies");
    }

    public static IResult SetFromPath(HttpContext context, string name, string value)
    {
        if (Invalid(name, value) is { } problem) return problem;
        SetCookie.AppendPlain(context.Response, name, QuotedAsWerkzeug(value));
        return HttpbinRedirect.WithPage("/cookies");
    }

    public static IResult Delete(HttpContext context)
    {
        var names = RawQuery.FirstValues(context.Request).Select(p => p.Key).ToList();
        foreach (var name in names)
            if (!SetCookie.IsValidName(name)) return Problems.BadRequest($"'{name}' is not a valid cookie name.");
        foreach (var name in names)
            SetCookie.AppendExpired(context.Response, name);
        return HttpbinRedirect.WithPage("/cookies");
    }

    private static readonly System.Buffers.SearchValues<char> WerkzeugLegal =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/=!#$%&'*+-.^_`|~:");

    /// <summary>
    /// Werkzeug's dump_cookie: a value with a character outside its plain set (a space, a parenthesis…) goes out
    /// as a quoted string. Values that would need its octal escapes were refused before this.
    /// </summary>
    private static string QuotedAsWerkzeug(string value) =>
        value.AsSpan().ContainsAnyExcept(WerkzeugLegal) && !value.Contains('"') ? $"\"{value}\"" : value;

    private static IResult? Invalid(string name, string value) =>
        !SetCookie.IsValidName(name) ? Problems.BadRequest($"'{name}' is not a valid cookie name (RFC 6265 token).")
        : !SetCookie.IsValidValue(value) ? Problems.BadRequest($"The value of cookie '{name}' has characters a cookie cannot carry (RFC 6265 cookie-octet).")
        : null;
}
