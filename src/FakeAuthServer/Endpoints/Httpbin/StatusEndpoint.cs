using System.Globalization;
using FakeAuthServer.Http;
using Microsoft.AspNetCore.Diagnostics;

namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>
/// /status/{codes} on every method, as httpbin: one code ("418"), a choice ("200,500") or a weighted
/// choice ("200:0.9,500:0.1"). The body is empty except for httpbin's few special cases.
/// </summary>
internal static class StatusEndpoint
{
    private const int MaxChoices = 32;

    public static IResult Handle(string codes) =>
        TryParse(codes, out var choices, out var error) ? new StatusAnswer(Choose(choices)) : Problems.BadRequest(error);

    /// <summary>
    /// httpbin's status_code(): an empty text/html answer, except where httpbin replaces the headers (redirects and
    /// challenges carry only theirs, no Content-Type) or writes its few bodies (402, 406, 418).
    /// </summary>
    internal sealed class StatusAnswer(int status) : IResult
    {
        private const string Teapot = "\n    -=[ teapot ]=-\n\n       _...._\n     .'  _ _ `.\n    | .\"` ^ `\". _,\n    \\_;`\"---\"`|//\n      |       ;/\n      \\_     _/\n        `\"\"\"`\n";
        private const string NotAcceptable =
            "{\"message\": \"Client did not request a supported media type.\", \"accept\": [\"image/webp\", \"image/svg+xml\", \"image/jpeg\", \"image/png\", \"image/*\"]}";

        public Task ExecuteAsync(HttpContext context)
        {
            // The empty body is the point of this endpoint: keep status-code pages from filling it in.
            if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            var response = context.Response;
            response.StatusCode = status;
            if (status == StatusCodes.Status304NotModified) return Task.CompletedTask; // Werkzeug drops the entity headers
            switch (status)
            {
                case 301 or 302 or 303 or 305 or 307:
                    response.Headers.Location = "/redirect/1";
                    break;
                case 401:
                    response.Headers.WWWAuthenticate = "Basic realm=\"Fake Realm\"";
                    break;
                case 402:
                    response.Headers["x-more-info"] = "http://vimeo.com/22053820";
                    return Write(response, "Fuck you, pay me!");
                case 406:
                    response.ContentType = "application/json";
                    return Write(response, NotAcceptable);
                case 407:
                    response.Headers.ProxyAuthenticate = "Basic realm=\"Fake Realm\"";
                    break;
                case 418:
                    response.Headers["x-more-info"] = "http://tools.ietf.org/html/rfc2324";
                    return Write(response, Teapot);
                default:
                    response.ContentType = "text/html; charset=utf-8";
                    break;
            }
            response.ContentLength = 0;
            return Task.CompletedTask;
        }

        private static Task Write(HttpResponse response, string text)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            response.ContentLength = bytes.Length;
            return response.Body.WriteAsync(bytes).AsTask();
        }
    }

    internal static bool TryParse(string text, out List<(int Code, double Weight)> choices, out string error)
    {
        choices = [];
        error = "";
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > MaxChoices)
        {
            error = $"At most {MaxChoices} status codes may be given.";
            return false;
        }
        foreach (var part in parts)
        {
            var pieces = part.Split(':', 2);
            if (!int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is < 200 or > 599)
            {
                error = $"'{pieces[0]}' is not a status code this endpoint can answer with: use 200 to 599.";
                return false;
            }
            var weight = 1.0;
            if (pieces.Length == 2 &&
                (!double.TryParse(pieces[1], NumberStyles.Float, CultureInfo.InvariantCulture, out weight) ||
                 !double.IsFinite(weight) || weight <= 0))
            {
                error = $"'{pieces[1]}' is not a positive, finite weight.";
                return false;
            }
            choices.Add((code, weight));
        }
        // Finite weights can still add up to infinity, and then every roll falls through to the last code.
        if (!double.IsFinite(choices.Sum(c => c.Weight)))
        {
            error = "The weights add up to more than a double can hold; use smaller weights, such as 200:0.9,500:0.1.";
            return false;
        }
        return true;
    }

    private static int Choose(List<(int Code, double Weight)> choices)
    {
        if (choices.Count == 1) return choices[0].Code;
        var roll = Random.Shared.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (code, weight) in choices)
        {
            if (roll < weight) return code;
            roll -= weight;
        }
        return choices[^1].Code;
    }
}
