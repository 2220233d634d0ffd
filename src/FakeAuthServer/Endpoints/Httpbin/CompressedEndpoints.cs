using System.IO.Compression;
using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>
/// httpbin's /gzip, /deflate (zlib format, as Python's zlib.compressobj writes) and /brotli: the request's origin,
/// headers and method as JSON, always compressed whatever the Accept-Encoding, with Content-Encoding set.
/// </summary>
internal static class CompressedEndpoints
{
    public static IResult Gzip(HttpContext context) =>
        Compressed(context, "gzipped", "gzip", s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true));

    public static IResult Deflate(HttpContext context) =>
        Compressed(context, "deflated", "deflate", s => new ZLibStream(s, CompressionLevel.Optimal, leaveOpen: true));

    public static IResult Brotli(HttpContext context) =>
        Compressed(context, "brotli", "br", s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true));

    private static IResult Compressed(HttpContext context, string flag, string encoding, Func<Stream, Stream> compressor)
    {
        var json = HttpbinJson.Serialize(new Dictionary<string, object>
        {
            [flag] = true,
            ["headers"] = RequestDict.Headers(context.Request),
            ["method"] = context.Request.Method,
            ["origin"] = RequestDict.Origin(context),
        });
        using var buffer = new MemoryStream();
        using (var compressing = compressor(buffer)) compressing.Write(json);
        context.Response.Headers.ContentEncoding = encoding;
        return new HttpbinJson.Bytes(buffer.ToArray(), "application/json");
    }
}
