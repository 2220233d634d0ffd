using System.Net;
using System.Text;
using FakeAuthServer.Users;
using Microsoft.AspNetCore.Http.Metadata;

namespace FakeAuthServer.Endpoints;

/// <summary>GET /: a page listing every endpoint (read from the route table itself) and the demo users.</summary>
internal static class IndexPage
{
    public static IResult Handle(EndpointDataSource endpoints, UserDirectory users)
    {
        var html = new StringBuilder("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>FakeAuthServer</title>
            <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
            td,th{text-align:left;padding:.2rem .8rem .2rem 0;vertical-align:top}code{background:#f3f3f3}</style></head>
            <body><h1>FakeAuthServer</h1>
            <p>A fake of the server the SessionKit tutorials talk to. Every endpoint below answers on this origin.</p>
            <h2>Endpoints</h2><table><tr><th>Method</th><th>Path</th><th>What it does</th></tr>
            """);
        foreach (var route in endpoints.Endpoints.OfType<RouteEndpoint>().OrderBy(e => e.Order))
        {
            var summary = route.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary;
            if (summary is null) continue;
            var methods = route.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m
                ? string.Join(", ", m) : "any";
            html.Append($"<tr><td>{Encode(methods)}</td><td><code>{Encode(route.RoutePattern.RawText)}</code></td><td>{Encode(summary)}</td></tr>\n");
        }
        html.Append("</table><h2>Demo users</h2><table><tr><th>Username</th><th>Password</th></tr>\n");
        foreach (var (user, password) in users.Snapshot.OrderBy(u => u.Key, StringComparer.Ordinal))
            html.Append($"<tr><td><code>{Encode(user)}</code></td><td><code>{Encode(password)}</code></td></tr>\n");
        html.Append("</table></body></html>\n");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
