using System.Net;

namespace FakeAuthServer.Http;

/// <summary>
/// Redirects as httpbin 0.7.0 sends them. Flask's <c>redirect()</c> (/redirect/n, /absolute-redirect/n, the cookie
/// routes) carries Werkzeug's small "Redirecting..." HTML page; httpbin's hand-built ones (/redirect-to,
/// /relative-redirect/n) have an empty body. Both are <c>text/html; charset=utf-8</c>.
/// </summary>
internal static class HttpbinRedirect
{
    private const string Html = "text/html; charset=utf-8";

    /// <summary>Flask's redirect(): 302 with Werkzeug's page naming the target.</summary>
    public static IResult WithPage(string location)
    {
        var escaped = WebUtility.HtmlEncode(location).Replace("'", "&#x27;", StringComparison.Ordinal);
        var page = "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n" +
                   "<p>You should be redirected automatically to the target URL: " +
                   $"<a href=\"{escaped}\">{escaped}</a>. If not, click the link.\n";
        return new Answer(location, HttpbinJson.Bytes.Text(page, Html, StatusCodes.Status302Found));
    }

    /// <summary>httpbin's make_response('') with a Location: the given status, an empty body.</summary>
    public static IResult Empty(string location, int status = StatusCodes.Status302Found) =>
        new Answer(location, new HttpbinJson.Bytes([], Html, status));

    /// <summary>An absolute URL on this server, as Flask's url_for(_external=True) builds it from the Host header.</summary>
    public static string External(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{path}";

    private sealed class Answer(string location, HttpbinJson.Bytes body) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.Location = LocationHeader.EncodeNonAscii(location);
            return body.ExecuteAsync(context);
        }
    }
}
