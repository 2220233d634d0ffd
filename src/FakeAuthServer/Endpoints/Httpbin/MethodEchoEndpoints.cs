using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>httpbin's /get, /post, /put, /patch, /delete and /anything[/…]: the request as the server saw it.</summary>
internal static class MethodEchoEndpoints
{
    public static IResult Get(HttpContext context) => HttpbinJson.Ok(new
    {
        args = RawQuery.Args(context.Request),
        headers = RequestDict.Headers(context.Request),
        origin = RequestDict.Origin(context),
        url = RequestDict.Url(context.Request),
    });

    /// <summary>/post, /put, /patch, /delete: url, args, form, data, origin, headers, files, json.</summary>
    public static Task<IResult> WithBody(HttpRequest request) => EchoAsync(request, withMethod: false);

    /// <summary>/anything: everything /post shows, and the method.</summary>
    public static Task<IResult> Anything(HttpRequest request) => EchoAsync(request, withMethod: true);

    private static async Task<IResult> EchoAsync(HttpRequest request, bool withMethod)
    {
        var context = request.HttpContext;
        var (body, problem) = await RequestBody.ReadAsync(request);
        if (problem is not null) return problem;
        // Keys in httpbin's (sorted) order, as its JSON has them.
        var echo = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["args"] = RawQuery.Args(request),
            ["data"] = body!.Data,
            ["files"] = body.Files,
            ["form"] = body.Form,
            ["headers"] = RequestDict.Headers(request),
            ["json"] = body.Json,
            ["origin"] = RequestDict.Origin(context),
            ["url"] = RequestDict.Url(request),
        };
        if (withMethod) echo["method"] = request.Method;
        return HttpbinJson.Ok(echo);
    }
}
