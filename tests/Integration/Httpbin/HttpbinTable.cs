using System.Net.Http.Headers;
using System.Text;

namespace SessionKit.Tests.Integration.Httpbin;

/// <summary>
/// The differential request table: every httpbin route FakeAuthServer serves, with the edge cases client test
/// suites hit. Rows with <see cref="Deliberate"/> name where SessionKit answers differently on purpose, and why.
/// </summary>
public static class HttpbinTable
{
    private const string WrongMethod = "a wrong method gets 405 with a problem body instead of Werkzeug's HTML page";
    private const string BadInput = "bad input gets a 4xx problem+json naming what to fix, where httpbin crashes (500)";

    private static DifferentialRow Get(string path) => new(path, "GET", path);
    private static DifferentialRow Head(string path) => new($"HEAD {path}", "HEAD", path) { CompareHeaders = ["Content-Length"] };

    private static Func<HttpContent?> Form(params (string, string)[] fields) =>
        () => new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

    private static Func<HttpContent?> Raw(string text, string? contentType) => () =>
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    };

    private static Func<HttpContent?> Bytes(byte[] bytes, string contentType) =>
        () => new ByteArrayContent(bytes) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } };

    private static Func<HttpContent?> Multipart() => () =>
    {
        var content = new MultipartFormDataContent("differential-boundary")
        {
            { new StringContent("1"), "a" },
            { new StringContent("2"), "A" },
            { new StringContent("3"), "a" },
            { new StringContent("é"), "accent" },
        };
        var text = new ByteArrayContent("hello\n"u8.ToArray());
        text.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(text, "file", "hello.txt");
        var binary = new ByteArrayContent([0x00, 0xFF, 0xFE, 0x80, 0x01]);
        binary.Headers.ContentType = new MediaTypeHeaderValue("application/x-thing");
        content.Add(binary, "blob", "blob.bin");
        content.Add(new ByteArrayContent([0xC3, 0x28]), "blob", "second.bin");
        return content;
    };

    public static IEnumerable<DifferentialRow> Rows =>
    [
        // /get: args as httpbin reads the raw query (names case-sensitive, repeats as lists, '+' a space).
        Get("/get"),
        Get("/get?foo=bar&FOO=bar"),
        Get("/get?a=1&a=2&b=&c"),
        Get("/get?x=%C3%A9&y=a+b&z=%2F%26&w=%zz&v=%41"),
        // Byte for byte: Python's ASCII-only escaping in the JSON, and Werkzeug's re-quoting of the url.
        Get("/get?x=%C3%A9%E2%82%AC%F0%9F%98%80&w=%ff%fe&y=" + string.Concat(Enumerable.Range(0x20, 0x5F).Select(c => $"%{c:X2}"))) with { Kind = BodyKind.Exact },
        Get("/get?z=a'b!c$d(e)f*g,h;i:j@k/l?m") with { Kind = BodyKind.Exact },
        Get("/get?show_env=1") with { Headers = [("X-Forwarded-For", "10.0.0.1"), ("Via", "1.1 proxy")] },
        Get("/get") with { Name = "/get with X-Forwarded-For (origin, hidden header)", Headers = [("X-Forwarded-For", "10.0.0.1")] },
        Head("/get"),
        Head("/get?foo=bar&FOO=bar"),
        new("/get refuses POST", "POST", "/get") { Differs = new(405, 405, WrongMethod) },

        // CORS and OPTIONS, on every route.
        .. new[] { "/get", "/anything/x", "/post", "/status/418", "/cookies/set", "/digest-auth/auth/u/p", "/response-headers", "/delay/1" }
            .Select(path => new DifferentialRow($"OPTIONS {path}", "OPTIONS", path) { Kind = BodyKind.Exact }),
        new DifferentialRow("OPTIONS preflight asking for headers", "OPTIONS", "/get") { Headers = [("Access-Control-Request-Headers", "X-A, Content-Type")], Kind = BodyKind.Exact },
        Get("/get") with
        {
            Name = "/get with an Origin",
            Headers = [("Origin", "http://elsewhere.example")],
            Differs = new(200, 200, "Access-Control-Allow-Origin is always *, never the caller's Origin echoed with credentials, so no page elsewhere can read /cookies with the visitor's cookies")
                { OurContentType = "application/json" },
        },

        // Request inspection.
        Get("/headers") with { Headers = [("x-lower-case", "1"), ("X-B3-TraceId", "abc"), ("dnt", "1")] },
        Head("/headers"),
        Get("/ip"),
        Get("/user-agent"),
        Head("/user-agent"),

        // The method echoes: form, files (multipart), data, json.
        new("/post form", "POST", "/post?q=1") { Body = Form(("a", "1"), ("a", "2"), ("A", "3"), ("b", "")) },
        new("/post json", "POST", "/post") { Body = Raw("""{"b":[1,2,{"z":null,"y":1.5}],"a":"é"}""", "application/json") },
        new("/post json with non-ASCII, exact bytes", "POST", "/post") { Body = Raw("{\"a\":\"é€😀\",\"b\":\"\u2028\\u00e9\"}", "application/json"), Kind = BodyKind.Exact },
        new("/post invalid json", "POST", "/post") { Body = Raw("{not json", "application/json") },
        new("/post text", "POST", "/post") { Body = Raw("just text", "text/plain") },
        new("/post json without a content type", "POST", "/post") { Body = Raw("[1,2]", null) },
        new("/post binary", "POST", "/post") { Body = Bytes([0x00, 0xFF, 0x10, 0x80], "application/octet-stream") },
        new("/post empty", "POST", "/post") { Body = Raw("", null) },
        new("/post no body", "POST", "/post"),
        new("/post multipart with files", "POST", "/post") { Body = Multipart() },
        new("/put form", "PUT", "/put") { Body = Form(("x", "y")) },
        new("/put multipart", "PUT", "/put") { Body = Multipart() },
        new("/patch json", "PATCH", "/patch") { Body = Raw("""{"a":1}""", "application/json") },
        new("/delete", "DELETE", "/delete"),
        new("/delete with a body", "DELETE", "/delete?x=1") { Body = Raw("gone", "text/plain") },
        new("/post refuses GET", "GET", "/post") { Differs = new(405, 405, WrongMethod) },
        new("/put refuses POST", "POST", "/put") { Differs = new(405, 405, WrongMethod) },
        Get("/anything"),
        Get("/anything/deep/path?x=1&X=2"),
        Get("/anything/caf%C3%A9/a%2Fb"),
        Head("/anything"),
        new("/anything POST multipart", "POST", "/anything") { Body = Multipart() },
        new("/anything PUT json", "PUT", "/anything/x") { Body = Raw("""{"k":[true,false]}""", "application/json") },
        new("/anything PATCH form", "PATCH", "/anything") { Body = Form(("a", "b c")) },
        new("/anything DELETE", "DELETE", "/anything"),
        new("/anything TRACE", "TRACE", "/anything"),

        // Cookies.
        Get("/cookies") with { Headers = [("Cookie", "a=1; b=2; A=3")] },
        Head("/cookies"),
        Get("/cookies/set?foo=1&FOO=2"),
        Get("/cookies/set?a=1&a=2"),
        Get("/cookies/set/name/value"),
        Head("/cookies/set/name/value"),
        Get("/cookies/delete?a&B"),
        Get("/cookies/set?spaced=a%20b&paren=(x)&plain=a:b/c"),
        Get("/cookies/set?bad=a%3Bb") with
        {
            Differs = new(400, 302, "a value with ; , \\ or a control character is refused; httpbin writes it as an octal-escaped quoted string few clients read back"),
        },

        // Auth.
        Get("/basic-auth/user/passwd") with { Headers = [("Authorization", "Basic dXNlcjpwYXNzd2Q=")] },
        Get("/basic-auth/user/passwd") with { Name = "/basic-auth wrong password", Headers = [("Authorization", "Basic dXNlcjp3cm9uZw==")] },
        Get("/basic-auth/user/passwd") with { Name = "/basic-auth without credentials" },
        Head("/basic-auth/user/passwd"),
        Get("/basic-auth/user/passwd") with
        {
            Name = "/basic-auth with credentials that are no base64",
            Headers = [("Authorization", "Basic !!!")],
            Differs = new(401, 401, "a malformed Basic header is bad input: the same 401 and challenge, with a problem body saying what to fix"),
        },
        Get("/bearer") with { Headers = [("Authorization", "Bearer xyz.123")] },
        Get("/bearer") with
        {
            Name = "/bearer with a token starting with a letter of 'Bearer'",
            Headers = [("Authorization", "Bearer abc.def")],
            Differs = new(200, 200, "httpbin's lstrip('Bearer ') also eats the token's leading a, B, e or r ('bc.def'); the token is echoed whole")
                { OurContentType = "application/json" },
        },
        Get("/bearer") with { Name = "/bearer without Authorization" },
        Head("/bearer"),
        Get("/bearer") with
        {
            Name = "/bearer with Basic credentials",
            Headers = [("Authorization", "Basic dXNlcjpwYXNzd2Q=")],
            Differs = new(401, 200, "httpbin strips the letters of 'Bearer ' from any Authorization and answers 200; a non-Bearer one is refused"),
        },

        // Status codes: httpbin's special bodies and headers, and every method.
        .. new[] { 200, 201, 204, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404, 406, 407, 418, 429, 500, 503 }
            .Select(code => Get($"/status/{code}") with { CompareHeaders = ["Content-Length", "x-more-info", "Proxy-Authenticate"], Kind = BodyKind.Exact }),
        new("/status/418 POST", "POST", "/status/418") { Kind = BodyKind.Exact },
        new("/status/201 PUT", "PUT", "/status/201") { Kind = BodyKind.Exact },
        new("/status/202 PATCH", "PATCH", "/status/202") { Kind = BodyKind.Exact },
        new("/status/204 DELETE", "DELETE", "/status/204") { Kind = BodyKind.Exact },
        Head("/status/418"),
        Get("/status/abc") with { Differs = new(400, 400, "the same 400; the body is a problem naming what to fix instead of 'Invalid status code'") },
        Get("/status/200,x") with { Differs = new(400, 400, "the same 400; the body is a problem naming what to fix") },
        Get("/status/700") with { Differs = new(400, 700, "a code outside 200-599 is refused: clients and proxies treat such answers as broken") },

        // Redirects.
        Get("/redirect/1"),
        Get("/redirect/3"),
        Get("/redirect/3?absolute=true"),
        Get("/redirect/1?absolute=true"),
        Head("/redirect/2"),
        Get("/relative-redirect/1"),
        Get("/relative-redirect/3"),
        Get("/absolute-redirect/1"),
        Get("/absolute-redirect/3"),
        Get("/redirect-to?url=http://:1"),
        Get("/redirect-to?url=/get"),
        Get("/redirect-to?url=http%3A%2F%2Fexample.com%2F"),
        Get("/redirect-to?URL=/get&Status_Code=307"),
        Get("/redirect-to?url=/x&status_code=200"),
        Get("/redirect-to?url=/%C3%A9") with
        {
            Differs = new(302, 302, "non-ASCII targets go out percent-encoded (LocationHeader); httpbin writes raw UTF-8 bytes into the header")
                { OurContentType = "text/html; charset=utf-8" },
        },
        .. new[] { 300, 301, 302, 303, 304, 305, 307, 308 }
            .Select(code => Get($"/redirect-to?url=/get&status_code={code}")),
        .. new[] { "POST", "PUT", "PATCH", "DELETE" }
            .Select(method => new DifferentialRow($"/redirect-to {method} 307", method, "/redirect-to?url=/post&status_code=307")),
        Head("/redirect-to?url=/get"),
        Get("/redirect-to?url=/get&status_code=abc") with { Differs = new(400, 500, BadInput) },
        Get("/redirect-to") with { Differs = new(400, 500, BadInput) },
        Get("/redirect/0") with { Differs = new(400, 500, BadInput) },

        // Response inspection.
        Get("/response-headers?freeform=a&freeform=b&X-Custom=1") with { CompareHeaders = ["freeform", "X-Custom", "Content-Length"] },
        Get("/response-headers") with { CompareHeaders = ["Content-Length"] },
        Get("/response-headers?Content-Type=text/plain") with { CompareHeaders = ["Content-Type", "Content-Length"] },
        new("/response-headers POST", "POST", "/response-headers?X-Posted=yes") { CompareHeaders = ["X-Posted"] },
        Head("/response-headers?X-Head=1") with { CompareHeaders = ["X-Head", "Content-Length"] },
        Get("/response-headers?bad%20name=x") with { Differs = new(400, 0, "a name that is no header token is refused; Werkzeug writes it out and no client can read the answer") },
        Get("/cache") with { CompareHeaders = ["Cache-Control"], Kind = BodyKind.Json },
        Get("/cache") with { Name = "/cache with If-None-Match", Headers = [("If-None-Match", "\"x\"")] },
        Get("/cache") with { Name = "/cache with If-Modified-Since", Headers = [("If-Modified-Since", "Sat, 29 Oct 1994 19:43:31 GMT")] },
        Get("/cache/60") with { CompareHeaders = ["Cache-Control"] },
        Get("/cache/0") with { CompareHeaders = ["Cache-Control"] },
        Get("/etag/abc") with { CompareHeaders = ["ETag"] },
        Get("/etag/abc") with { Name = "/etag If-None-Match matching", Headers = [("If-None-Match", "\"abc\"")], CompareHeaders = ["ETag"] },
        Get("/etag/abc") with { Name = "/etag If-None-Match W/ list", Headers = [("If-None-Match", "W/\"x\", \"abc\"")], CompareHeaders = ["ETag"] },
        Get("/etag/abc") with { Name = "/etag If-None-Match *", Headers = [("If-None-Match", "*")], CompareHeaders = ["ETag"] },
        Get("/etag/abc") with { Name = "/etag If-None-Match other", Headers = [("If-None-Match", "\"x\"")], CompareHeaders = ["ETag"] },
        Get("/etag/abc") with { Name = "/etag If-Match failing", Headers = [("If-Match", "\"x\"")], CompareHeaders = ["ETag"] },
        Get("/etag/abc") with { Name = "/etag If-Match matching", Headers = [("If-Match", "\"abc\"")], CompareHeaders = ["ETag"] },

        // Response formats.
        Get("/json") with
        {
            Differs = new(200, 404, "httpbin 0.7.0 has no /json; SessionKit serves httpbin 0.9's sample document there, as the issue asks")
                { OurContentType = "application/json" },
        },
        Get("/html") with { Kind = BodyKind.Exact },
        Get("/xml") with { Kind = BodyKind.Exact },
        Get("/robots.txt") with { Kind = BodyKind.Exact },
        Get("/deny") with { Kind = BodyKind.Exact },
        Get("/forms/post") with { Kind = BodyKind.Exact },
        Head("/html"),
        Get("/encoding/utf8") with
        {
            Differs = new(200, 200, "Debian's package replaces httpbin's UTF-8 demo with a placeholder sentence; SessionKit serves UTF-8 text in many scripts")
                { OurContentType = "text/html; charset=utf-8" },
        },
        Get("/gzip"),
        Get("/deflate"),
        Get("/brotli"),
        Head("/gzip") with { CompareHeaders = [] },
        Get("/image") with { Kind = BodyKind.Exact, CompareHeaders = ["Content-Length"] },
        .. new[] { "image/webp", "image/svg+xml", "image/jpeg", "image/png", "image/*", "text/html, image/png;q=0.5" }
            .Select(accept => Get("/image") with { Name = $"/image Accept: {accept}", Headers = [("Accept", accept)], Kind = BodyKind.Exact, CompareHeaders = ["Content-Length"] }),
        Get("/image") with { Name = "/image Accept: text/plain", Headers = [("Accept", "text/plain")], Kind = BodyKind.Json },
        .. new[] { "png", "jpeg", "webp", "svg" }.Select(type => Get($"/image/{type}") with { Kind = BodyKind.Exact, CompareHeaders = ["Content-Length"] }),

        // Dynamic data.
        Get("/uuid") with { IgnoreJson = ["uuid"] },
        Get("/base64/SFRUUEJJTiBpcyBhd2Vzb21l") with { Kind = BodyKind.Exact },
        Get("/base64/w6lsw6h2ZQ==") with { Kind = BodyKind.Exact },
        Get("/base64/not*base64") with { Differs = new(400, 500, BadInput) },
        Get("/bytes/0") with { Kind = BodyKind.Length, CompareHeaders = ["Content-Length"] },
        Get("/bytes/1024") with { Kind = BodyKind.Length, CompareHeaders = ["Content-Length"] },
        Get("/bytes/200000") with { Kind = BodyKind.Length, CompareHeaders = ["Content-Length"] },
        Get("/bytes/16?seed=42") with { Kind = BodyKind.Length },
        Get("/stream-bytes/5000?chunk_size=1000") with { Kind = BodyKind.Length },
        Get("/stream-bytes/200000") with { Kind = BodyKind.Length },
        Get("/range/30") with { Kind = BodyKind.Exact, CompareHeaders = ["Content-Length", "Content-Range", "Accept-Ranges", "ETag"] },
        .. new[] { "bytes=5-9", "bytes=0-", "bytes=25-", "bytes=-5", "bytes=-100", "bytes=0-29", "bytes=29-29", "bytes=30-", "bytes=9-5", "bytes=0-30", "chars=1-2", "bytes=x-y" }
            .Select(range => Get("/range/30") with
            {
                Name = $"/range/30 Range: {range}", Headers = [("Range", range)], Kind = BodyKind.Exact,
                CompareHeaders = ["Content-Length", "Content-Range", "Accept-Ranges", "ETag"],
            }),
        Get("/range/0") with { Kind = BodyKind.Exact, CompareHeaders = ["Accept-Ranges", "ETag"] },
        Get("/range/102401") with { Kind = BodyKind.Exact, CompareHeaders = ["Accept-Ranges", "ETag"] },
        Get("/stream/3?x=1") with { Kind = BodyKind.JsonLines },
        Get("/stream/0") with { Kind = BodyKind.JsonLines },
        Get("/links/3/1") with { Kind = BodyKind.Exact },
        Get("/links/0/0") with { Kind = BodyKind.Exact },
        Get("/links/250/249") with { Kind = BodyKind.Length },
        Get("/links/5"),
        Get("/range/30?duration=0&chunk_size=7") with { Kind = BodyKind.Exact, CompareHeaders = ["Content-Length", "Content-Range"] },
        Get("/drip?duration=0&numbytes=5") with { Kind = BodyKind.Exact, CompareHeaders = ["Content-Length"] },
        Get("/drip?duration=0&numbytes=3&code=418") with { Kind = BodyKind.Exact },
        Get("/drip?duration=0&numbytes=0") with { Kind = BodyKind.Exact },
        Get("/drip?duration=0&numbytes=abc") with { Differs = new(400, 500, BadInput) },
        Get("/delay/0"),
        new("/delay refuses POST", "POST", "/delay/0") { Differs = new(405, 405, WrongMethod) },
        Get("/delay/abc") with { Differs = new(400, 500, BadInput) },

        // More auth.
        Get("/hidden-basic-auth/user/passwd") with { Headers = [("Authorization", "Basic dXNlcjpwYXNzd2Q=")] },
        Get("/hidden-basic-auth/user/passwd") with { Name = "/hidden-basic-auth without credentials" },
        Get("/hidden-basic-auth/user/passwd") with { Name = "/hidden-basic-auth wrong password", Headers = [("Authorization", "Basic dXNlcjp3cm9uZw==")] },
        Get("/hidden-basic-auth/user/passwd") with
        {
            Name = "/hidden-basic-auth with credentials that are no base64",
            Headers = [("Authorization", "Basic !!!")],
            Differs = new(404, 404, "a malformed Basic header is bad input: the same 404, with a problem body saying what to fix"),
        },
        .. new[] { "auth", "auth-int", "none" }.SelectMany(qop => new[] { "", "/MD5", "/SHA-256", "/SHA-512", "/other", "/SHA-256/3", "/MD5/0" }
            .Select(rest => Get($"/digest-auth/{qop}/user/passwd{rest}") with { Name = $"/digest-auth challenge {qop}{rest}", Kind = BodyKind.Exact })),
        Head("/digest-auth/auth/user/passwd"),
        Get("/digest-auth/auth/user/passwd") with
        {
            Name = "/digest-auth with an unreadable Digest header",
            Headers = [("Authorization", "Digest garbage")],
            Differs = new(401, 401, "the same 401 and challenge, with a problem body naming the parameters a Digest header needs"),
        },
    ];
}
