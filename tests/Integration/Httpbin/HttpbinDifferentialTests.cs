using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SessionKit.Tests.Integration.Httpbin;

/// <summary>
/// The same request to Debian's httpbin 0.7.0 and to FakeAuthServer (in-process, on real Kestrel sockets so Host,
/// ports and framing are real), comparing status, the headers that matter and the body. The table is
/// <see cref="HttpbinTable"/>; a mismatch prints both answers side by side.
/// </summary>
[NonParallelizable]
public partial class HttpbinDifferentialTests
{
    private static readonly string[] DefaultHeaders =
    [
        "Content-Type", "Location", "Set-Cookie", "WWW-Authenticate", "Content-Encoding", "Allow",
        "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods",
        "Access-Control-Max-Age", "Access-Control-Allow-Headers",
    ];

    private HttpbinProcess _httpbin = null!;
    private FakeAuthServerFactory _server = null!;
    private Uri _ours = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartBoth()
    {
        var started = Stopwatch.StartNew();
        _httpbin = await HttpbinProcess.StartAsync();
        _server = new FakeAuthServerFactory();
        _server.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _server.StartServer();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _ours = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        }) { Timeout = TimeSpan.FromSeconds(15) };
        TestContext.Progress.WriteLine($"httpbin at {_httpbin.BaseAddress}, FakeAuthServer at {_ours} ({started.ElapsedMilliseconds} ms)");
    }

    [OneTimeTearDown]
    public async Task StopBoth()
    {
        _client?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        if (_httpbin is not null) await _httpbin.DisposeAsync();
    }

    public static IEnumerable<DifferentialRow> Rows() => HttpbinTable.Rows;

    [TestCaseSource(nameof(Rows))]
    public async Task Answers_as_httpbin_does(DifferentialRow row)
    {
        var theirs = await SendAsync(_httpbin.BaseAddress, row);
        var ours = await SendAsync(_ours, row);

        if (row.Differs is { } differs)
        {
            var why = $"deliberate difference ({differs.Why})\n{SideBySide(ours, theirs)}";
            theirs.Status.ShouldBe(differs.HttpbinStatus, why);
            ours.Status.ShouldBe(differs.OurStatus, why);
            if (differs.OurContentType is { } type) ours.Header("Content-Type").ShouldBe(type, why);
            return;
        }

        var mismatches = new List<string>();
        if (ours.Status != theirs.Status) mismatches.Add($"status {ours.Status} vs {theirs.Status}");
        foreach (var name in DefaultHeaders.Concat(row.CompareHeaders))
            if (ours.Header(name) != theirs.Header(name))
                mismatches.Add($"{name}: '{ours.Header(name)}' vs '{theirs.Header(name)}'");
        if (BodyMismatch(row, ours, theirs) is { } body) mismatches.Add(body);

        if (mismatches.Count > 0)
            Assert.Fail($"{row.Method} {row.Path}: {string.Join("; ", mismatches)}\n{SideBySide(ours, theirs)}");
    }

    /// <summary>
    /// The digest challenge answered by .NET's own digest support (CredentialCache over SocketsHttpHandler), against
    /// both servers: the same outcome, and 200 where .NET can answer (qop auth, MD5 or SHA-256).
    /// </summary>
    [TestCase("auth", "MD5", "passwd", 200)]
    [TestCase("auth", "SHA-256", "passwd", 200)]
    [TestCase("none", "MD5", "passwd", 200)]
    [TestCase("none", "SHA-256", "passwd", 200)]
    [TestCase("auth", "MD5", "wrong", 401)]
    [TestCase("auth", "SHA-256", "wrong", 401)]
    [TestCase("auth-int", "MD5", "passwd", 200)]
    [TestCase("auth-int", "SHA-256", "passwd", 200)]
    [TestCase("auth", "SHA-512", "passwd", 401)]
    public async Task Digest_challenges_are_answered_by_dotnet_CredentialCache(string qop, string algorithm, string password, int expected)
    {
        async Task<(int Status, string Body)> AnswerFrom(Uri baseAddress)
        {
            var url = new Uri(baseAddress, $"/digest-auth/{qop}/user/passwd/{algorithm}");
            using var client = new HttpClient(new SocketsHttpHandler
            {
                Credentials = new CredentialCache { { url, "Digest", new NetworkCredential("user", password) } },
                ConnectTimeout = TimeSpan.FromSeconds(5),
            }) { Timeout = TimeSpan.FromSeconds(15) };
            using var response = await client.GetAsync(url);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var theirs = await AnswerFrom(_httpbin.BaseAddress);
        var ours = await AnswerFrom(_ours);

        ours.ShouldBe(theirs);
        ours.Status.ShouldBe(expected);
        if (expected == 200) ours.Body.ShouldBe("{\"authenticated\":true,\"user\":\"user\"}\n");
    }

    private static string? BodyMismatch(DifferentialRow row, Answer ours, Answer theirs)
    {
        switch (row.Kind)
        {
            case BodyKind.Ignore:
                return null;
            case BodyKind.Length:
                return ours.Body.Length == theirs.Body.Length ? null : $"body length {ours.Body.Length} vs {theirs.Body.Length}";
            case BodyKind.Exact:
                return ours.Text == theirs.Text ? null : "body differs";
            case BodyKind.JsonLines:
                var (ourLines, theirLines) = (Lines(ours.Text), Lines(theirs.Text));
                if (ourLines.Length != theirLines.Length) return $"{ourLines.Length} lines vs {theirLines.Length}";
                return ourLines.Zip(theirLines).All(p => Normalize(p.First, row) is { } a && Normalize(p.Second, row) is { } b && JsonNode.DeepEquals(a, b))
                    ? null : "JSON lines differ";
            default:
                if (ours.Body.Length == 0 && theirs.Body.Length == 0) return null;
                var (a, b) = (Normalize(ours.Text, row), Normalize(theirs.Text, row));
                if (a is null || b is null) return ours.Text == theirs.Text ? null : "body differs (not JSON on both sides)";
                return JsonNode.DeepEquals(a, b) ? null : "JSON differs";
        }
    }

    /// <summary>Allow lists a set (Werkzeug's order varies from run to run).</summary>
    private static IEnumerable<string> Ordered(string name, IEnumerable<string> values) =>
        name.Equals("Allow", StringComparison.OrdinalIgnoreCase) ? values.Order(StringComparer.Ordinal) : values;

    /// <summary>Per-run values in headers: a digest challenge's nonce and opaque.</summary>
    private static string Masked(string header) => NonceOrOpaque().Replace(header, "$1=\"…\"");

    [System.Text.RegularExpressions.GeneratedRegex("(nonce|opaque)=\"[0-9a-f]*\"")]
    private static partial System.Text.RegularExpressions.Regex NonceOrOpaque();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static JsonNode? Normalize(string text, DifferentialRow row)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
        Drop(node, row.IgnoreJson);
        return node;
    }

    private static void Drop(JsonNode? node, string[] keys)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in keys) obj.Remove(key);
                foreach (var (_, child) in obj) Drop(child, keys);
                break;
            case JsonArray array:
                foreach (var child in array) Drop(child, keys);
                break;
        }
    }

    private async Task<Answer> SendAsync(Uri baseAddress, DifferentialRow row)
    {
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), new Uri(baseAddress, row.Path)) { Content = row.Body?.Invoke() };
        request.Headers.UserAgent.ParseAdd("SessionKit-differential/1.0");
        foreach (var (name, value) in row.Headers)
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content?.Headers.TryAddWithoutValidation(name, value);
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            // An answer no HTTP client can read (httpbin writes some bad input straight into headers): status 0.
            return new Answer(0, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(e.Message), e.Message);
        }
        using var _ = response;
        var body = Decoded(await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentEncoding);
        var host = $"{baseAddress.Host}:{baseAddress.Port}";
        var headers = response.Headers.Concat(response.Content.Headers)
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => Masked(string.Join(" | ", Ordered(g.Key, g.SelectMany(h => h.Value))).Replace(host, "HOST", StringComparison.Ordinal)),
                StringComparer.OrdinalIgnoreCase);
        return new Answer((int)response.StatusCode, headers, body, Encoding.UTF8.GetString(body).Replace(host, "HOST", StringComparison.Ordinal));
    }

    /// <summary>The body as the client would read it: gzip, deflate (zlib) and br undone, so the JSON inside compares.</summary>
    private static byte[] Decoded(byte[] body, ICollection<string> encodings)
    {
        if (body.Length == 0 || encodings.Count != 1) return body;
        using var input = new MemoryStream(body);
        using Stream? decoder = encodings.Single() switch
        {
            "gzip" => new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress),
            "deflate" => new System.IO.Compression.ZLibStream(input, System.IO.Compression.CompressionMode.Decompress),
            "br" => new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress),
            _ => null,
        };
        if (decoder is null) return body;
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private static string SideBySide(Answer ours, Answer theirs) =>
        $"--- FakeAuthServer ---\n{ours}\n--- httpbin 0.7.0 ---\n{theirs}";

    private sealed record Answer(int Status, Dictionary<string, string> Headers, byte[] Body, string Text)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        public override string ToString()
        {
            var shown = Text.Length > 2000 ? Text[..2000] + "…" : Text;
            if (Body.Any(b => b < 0x09)) shown = $"({Body.Length} binary bytes)";
            return $"{Status}\n{string.Join('\n', Headers.Where(h => h.Key is not ("Date" or "Server")).Select(h => $"{h.Key}: {h.Value}"))}\n\n{shown}";
        }
    }
}
