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
    public static async Task<IResult> WithBody(HttpRequest request)
    {
        var context = request.HttpContext;
        var (body, problem) = await RequestBody.ReadAsync(context.Request);
        if (problem is not null) return problem;
        return HttpbinJson.Ok(new
        {
            args = RawQuery.Args(context.Request),
            data = body!.Data,
            files = body.Files,
            form = body.Form,
            headers = RequestDict.Headers(context.Request),
            json = body.Json,
            origin = RequestDict.Origin(context),
            url = RequestDict.Url(context.Request),
        });
    }

    /// <summary>/anything: everything /post shows, and the method.</summary>
    public static async Task<IResult> Anything(HttpRequest request)
    {
        var context = request.HttpContext;
        var (body, problem) = await RequestBody.ReadAsync(context.Request);
        if (problem is not null) return problem;
        return HttpbinJson.Ok(new
        {
            args = RawQuery.Args(context.Request),
            data = body!.Data,
            files = body.Files,
            form = body.Form,
            headers = RequestDict.Headers(context.Request),
            json = body.Json,
            method = context.Request.Method,
            origin = RequestDict.Origin(context),
            url = RequestDict.Url(context.Request),
        });
    }
}
