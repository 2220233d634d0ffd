using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints;

/// <summary>httpbin's cookie endpoints (seeds 001, 003): show, set (then redirect to /cookies), delete.</summary>
internal static class HttpbinCookiesEndpoints
{
    public static IResult Show(HttpRequest request) =>
        HttpbinJson.Ok(new { cookies = CookieHeader.ToDictionary(CookieHeader.Parse(request)) });

    public static IResult SetFromQuery(HttpContext context)
    {
        foreach (var (name, values) in context.Request.Query)
            if (Invalid(name, values.ToString()) is { } problem) return problem;
        foreach (var (name, values) in context.Request.Query)
            SetCookie.AppendPlain(context.Response, name, values.ToString());
        return Results.Redirect("/cookies");
    }

    public static IResult SetFromPath(HttpContext context, string name, string value)
    {
        if (Invalid(name, value) is { } problem) return problem;
        SetCookie.AppendPlain(context.Response, name, value);
        return Results.Redirect("/cookies");
    }

    public static IResult Delete(HttpContext context)
    {
        foreach (var name in context.Request.Query.Keys)
            if (!SetCookie.IsValidName(name)) return Problems.BadRequest($"'{name}' is not a valid cookie name.");
        foreach (var name in context.Request.Query.Keys)
            SetCookie.AppendExpired(context.Response, name);
        return Results.Redirect("/cookies");
    }

    private static IResult? Invalid(string name, string value) =>
        !SetCookie.IsValidName(name) ? Problems.BadRequest($"'{name}' is not a valid cookie name (RFC 6265 token).")
        : !SetCookie.IsValidValue(value) ? Problems.BadRequest($"The value of cookie '{name}' has characters a cookie cannot carry (RFC 6265 cookie-octet).")
        : null;
}
