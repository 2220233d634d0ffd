using System.Text;
using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>httpbin's response formats: /html, /xml, /robots.txt, /deny, /encoding/utf8, /forms/post and /image….</summary>
internal static class FormatEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    private const string AngryAscii = "\n          .-''''''-.\n        .' _      _ '.\n       /   O      O   \\\n      :                :\n" +
                                      "      |                |\n      :       __       :\n       \\  .-\"`  `\"-.  /\n        '.          .'\n" +
                                      "          '-......-'\n     YOU SHOULDN'T BE HERE\n";

    public static IResult PageHtml() => new HttpbinJson.Bytes(HttpbinContent.Get("moby.html"), Html);

    public static IResult Xml() => new HttpbinJson.Bytes(HttpbinContent.Get("sample.xml"), "application/xml");

    public static IResult FormsPost() => new HttpbinJson.Bytes(HttpbinContent.Get("forms-post.html"), Html);

    /// <summary>
    /// /json: httpbin 0.9's sample document (0.7.0, the version followed otherwise, has no /json; the issue asks for it).
    /// </summary>
    public static IResult Json() => HttpbinJson.Ok(new
    {
        slideshow = new
        {
            author = "Yours Truly",
            date = "date of publication",
            slides = new object[]
            {
                new { title = "Wake up to WonderWidgets!", type = "all" },
                new { items = new[] { "Why <em>WonderWidgets</em> are great", "Who <em>buys</em> WonderWidgets" }, title = "Overview", type = "all" },
            },
            title = "Sample Slide Show",
        },
    });

    public static IResult Robots() => HttpbinJson.Bytes.Text("User-agent: *\nDisallow: /deny\n", "text/plain");

    public static IResult Deny() => HttpbinJson.Bytes.Text(AngryAscii, "text/plain");

    public static IResult Utf8() => new HttpbinJson.Bytes(HttpbinContent.Get("utf8-demo.txt"), Html);

    public static IResult Png() => new HttpbinJson.Bytes(HttpbinContent.Get("images/pig_icon.png"), "image/png");

    public static IResult Jpeg() => new HttpbinJson.Bytes(HttpbinContent.Get("images/jackal.jpg"), "image/jpeg");

    public static IResult Webp() => new HttpbinJson.Bytes(HttpbinContent.Get("images/wolf_1.webp"), "image/webp");

    public static IResult Svg() => new HttpbinJson.Bytes(HttpbinContent.Get("images/svg_logo.svg"), "image/svg+xml");

    /// <summary>
    /// The image type the Accept header asks for, checked in httpbin's order (webp, svg, jpeg, then png or image/*);
    /// png without Accept; 406 with httpbin's JSON when none fits.
    /// </summary>
    public static IResult Image(HttpRequest request)
    {
        if (request.Headers.Accept.Count == 0) return Png();
        var accept = request.Headers.Accept.ToString().ToLowerInvariant();
        return accept.Contains("image/webp", StringComparison.Ordinal) ? Webp()
            : accept.Contains("image/svg+xml", StringComparison.Ordinal) ? Svg()
            : accept.Contains("image/jpeg", StringComparison.Ordinal) ? Jpeg()
            : accept.Contains("image/png", StringComparison.Ordinal) || accept.Contains("image/*", StringComparison.Ordinal) ? Png()
            : new StatusEndpoint.StatusAnswer(StatusCodes.Status406NotAcceptable);
    }

    /// <summary>/base64/{value}: the URL-safe base64 (with its padding, as Python's urlsafe_b64decode wants) decoded as UTF-8 text.</summary>
    public static IResult Base64(string value)
    {
        var standard = value.Replace('-', '+').Replace('_', '/');
        var bytes = new byte[standard.Length];
        if (!Convert.TryFromBase64String(standard, bytes, out var length))
            return Problems.BadRequest("value must be URL-safe base64 with its = padding, e.g. /base64/SFRUUEJJTiBpcyBhd2Vzb21l.");
        try
        {
            return HttpbinJson.Bytes.Text(new UTF8Encoding(false, true).GetString(bytes, 0, length), Html);
        }
        catch (DecoderFallbackException)
        {
            return Problems.BadRequest("value must decode to UTF-8 text.");
        }
    }
}
