using System.Globalization;
using System.Text;
using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>
/// httpbin's dynamic data: /uuid, /bytes/{n}, /stream-bytes/{n}, /range/{n}, /stream/{n}, /links/{n}[/{offset}],
/// /drip and /delay/{n}. Every wait runs on the server's clock (TimeProvider): in-process, the test's fake clock.
/// </summary>
internal static class DynamicDataEndpoints
{
    private const int MaxBytes = 100 * 1024;
    private const string Octets = "application/octet-stream";

    /// <summary>Werkzeug's Response(text) default.</summary>
    private const string PlainText = "text/plain; charset=utf-8";

    public static IResult Uuid() => HttpbinJson.Ok(new { uuid = Guid.NewGuid().ToString() });

    /// <summary>n random bytes (at most 100 KiB); ?seed= makes them reproducible (not Python's Mersenne Twister sequence).</summary>
    public static IResult Bytes(HttpRequest request, string n)
    {
        if (Count(n) is not { } count) return BadCount(n);
        var (random, problem) = SeededRandom(request);
        if (problem is not null) return problem;
        var bytes = new byte[Math.Min(count, MaxBytes)];
        random.NextBytes(bytes);
        return new HttpbinJson.Bytes(bytes, Octets);
    }

    /// <summary>As /bytes, streamed in ?chunk_size= pieces (default 10 KiB), chunked.</summary>
    public static async Task<IResult> StreamBytes(HttpContext context, string n)
    {
        if (Count(n) is not { } count) return BadCount(n);
        var (random, problem) = SeededRandom(context.Request);
        var (chunkSize, chunkProblem) = ChunkSize(context.Request);
        if ((problem ?? chunkProblem) is { } bad) return bad;
        context.Response.ContentType = Octets;
        var left = Math.Min(count, MaxBytes);
        var chunk = new byte[Math.Min(chunkSize, Math.Max(left, 1))];
        while (left > 0)
        {
            var size = Math.Min(chunk.Length, left);
            random.NextBytes(chunk.AsSpan(0, size));
            await context.Response.Body.WriteAsync(chunk.AsMemory(0, size), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            left -= size;
        }
        return Results.Empty;
    }

    /// <summary>
    /// n bytes of a..z repeating (1 to 100 KiB), honouring one Range (bytes=a-b, a-, -b) with 206 and Content-Range,
    /// 416 for an unsatisfiable one, ETag range{n} and Accept-Ranges: bytes. With ?duration=s the bytes are spread
    /// over that many seconds of the server clock in ?chunk_size= pieces (10 KiB by default), as httpbin paces them.
    /// </summary>
    public static async Task<IResult> Range(HttpContext context, HttpbinWaits waits, string n)
    {
        var response = context.Response;
        if (!long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var size)) return BadCount(n);
        var args = RawQuery.FirstValuesIgnoringCase(context.Request);
        if (!Number(args.GetValueOrDefault("duration"), 0, out var duration) || duration is < 0 or > 3600)
            return Problems.BadRequest("duration must be a number of seconds from 0 to 3600.");
        if (!int.TryParse(args.GetValueOrDefault("chunk_size") ?? "10240", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chunkSize))
            return Problems.BadRequest("chunk_size must be a whole number.");
        chunkSize = Math.Max(1, chunkSize);

        response.Headers.AcceptRanges = "bytes";
        response.Headers.ETag = $"range{size}";
        if (size is <= 0 or > MaxBytes)
            return HttpbinJson.Bytes.Text("number of bytes must be in the range (0, 102400]", PlainText, StatusCodes.Status404NotFound);

        var (first, last) = RequestedRange(context.Request.Headers.Range.ToString(), size);
        if (first > last || first < 0 || first >= size || last < 0 || last >= size)
        {
            response.Headers.ContentRange = $"bytes */{size}";
            return new HttpbinJson.Bytes([], PlainText, StatusCodes.Status416RangeNotSatisfiable);
        }
        var bytes = new byte[last - first + 1];
        for (var i = first; i <= last; i++) bytes[i - first] = (byte)('a' + i % 26);
        response.Headers.ContentRange = $"bytes {first}-{last}/{size}";
        var status = first == 0 && last == size - 1 ? StatusCodes.Status200OK : StatusCodes.Status206PartialContent;
        if (duration == 0) return new HttpbinJson.Bytes(bytes, Octets, status);

        // httpbin's pacing: the pause per byte is the duration over the whole resource, paid after each full chunk
        // and before the last short one.
        var pausePerByte = duration / size;
        response.StatusCode = status;
        response.ContentType = Octets;
        response.ContentLength = bytes.Length;
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            var length = Math.Min(chunkSize, bytes.Length - offset);
            if (length < chunkSize) await waits.WaitAsync(TimeSpan.FromSeconds(pausePerByte * length), context.RequestAborted);
            await response.Body.WriteAsync(bytes.AsMemory(offset, length), context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);
            if (length == chunkSize) await waits.WaitAsync(TimeSpan.FromSeconds(pausePerByte * length), context.RequestAborted);
        }
        return Results.Empty;
    }

    /// <summary>httpbin's range parsing: "bytes=a-b"; an absent or unreadable side is open.</summary>
    private static (long First, long Last) RequestedRange(string header, long size)
    {
        long? left = null, right = null;
        header = header.Trim();
        if (header.StartsWith("bytes", StringComparison.Ordinal) && header.Split('=') is [_, var spec])
        {
            var sides = spec.Split('-');
            if (sides.Length > 1 && long.TryParse(sides[1].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var r)) right = r;
            if (long.TryParse(sides[0].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) left = l;
        }
        return (left, right) switch
        {
            (null, null) => (0, size - 1),
            (null, { } suffix) => (Math.Max(0, size - suffix), size - 1),
            ({ } from, null) => (from, size - 1),
            ({ } from, { } to) => (from, to),
        };
    }

    /// <summary>min(n, 100) lines of /get's JSON, each with its id, streamed.</summary>
    public static async Task<IResult> Stream(HttpContext context, string n)
    {
        if (Count(n) is not { } count) return BadCount(n);
        context.Response.ContentType = "application/json";
        var line = new Dictionary<string, object>
        {
            ["url"] = RequestDict.Url(context.Request),
            ["args"] = RawQuery.Args(context.Request),
            ["headers"] = RequestDict.Headers(context.Request),
            ["origin"] = RequestDict.Origin(context),
        };
        for (var id = 0; id < Math.Min(count, 100); id++)
        {
            line["id"] = id;
            await context.Response.Body.WriteAsync(HttpbinJson.Serialize(line), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
        return Results.Empty;
    }

    /// <summary>/links/{n}/{offset}: a page of n (1–200) links to its siblings, the current one as plain text.</summary>
    public static IResult LinkPage(string n, string offset)
    {
        if (Count(n) is not { } count) return BadCount(n);
        if (Count(offset) is not { } current) return Problems.BadRequest($"offset must be a whole number (was '{offset}').");
        count = Math.Clamp(count, 1, 200);
        var html = new StringBuilder("<html><head><title>Links</title></head><body>");
        for (var i = 0; i < count; i++)
            html.Append(i == current ? $"{i} " : $"<a href='/links/{count}/{i}'>{i}</a> ");
        html.Append("</body></html>");
        return HttpbinJson.Bytes.Text(html.ToString(), "text/html; charset=utf-8");
    }

    public static IResult Links(string n) =>
        Count(n) is { } count ? HttpbinRedirect.WithPage($"/links/{count}/0") : BadCount(n);

    /// <summary>
    /// ?numbytes= (default 10, at most 10 MiB) asterisks spread over ?duration= seconds (default 2) after ?delay=
    /// seconds, with status ?code=; the waits run on the server clock.
    /// </summary>
    public static async Task<IResult> Drip(HttpContext context, HttpbinWaits waits)
    {
        var args = RawQuery.FirstValuesIgnoringCase(context.Request);

        if (!Number(args.GetValueOrDefault("duration"), 2, out var duration) || duration < 0)
            return Problems.BadRequest("duration must be a number of seconds, 0 or more.");
        if (!Number(args.GetValueOrDefault("delay"), 0, out var delay) || delay < 0) return Problems.BadRequest("delay must be a number of seconds, 0 or more.");
        if (!int.TryParse(args.GetValueOrDefault("numbytes") ?? "10", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var numbytes))
            return Problems.BadRequest("numbytes must be a whole number.");
        if (!int.TryParse(args.GetValueOrDefault("code") ?? "200", NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is < 200 or > 599)
            return Problems.BadRequest("code must be a status code from 200 to 599.");
        if (numbytes <= 0) return HttpbinJson.Bytes.Text("number of bytes must be positive", PlainText, StatusCodes.Status400BadRequest);
        numbytes = Math.Min(numbytes, 10 * 1024 * 1024);
        if (duration > 3600 || delay > 3600) return Problems.BadRequest("duration and delay are at most 3600 seconds.");

        await waits.WaitAsync(TimeSpan.FromSeconds(delay), context.RequestAborted);
        var response = context.Response;
        response.StatusCode = code;
        response.ContentType = Octets;
        response.ContentLength = numbytes;
        var pause = TimeSpan.FromSeconds(duration / numbytes);
        for (var i = 0; i < numbytes; i++)
        {
            await response.Body.WriteAsync("*"u8.ToArray(), context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);
            await waits.WaitAsync(pause, context.RequestAborted);
        }
        return Results.Empty;
    }

    /// <summary>min(n, 10) seconds on the server clock, then url, args, form, data, origin, headers and files.</summary>
    public static async Task<IResult> Delay(HttpRequest request, HttpbinWaits waits, string n)
    {
        if (!double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
            return Problems.BadRequest($"n must be a number of seconds (was '{n}').");
        await waits.WaitAsync(TimeSpan.FromSeconds(Math.Min(seconds, 10)), request.HttpContext.RequestAborted);
        var (body, problem) = await RequestBody.ReadAsync(request);
        if (problem is not null) return problem;
        return HttpbinJson.Ok(new
        {
            args = RawQuery.Args(request),
            data = body!.Data,
            files = body.Files,
            form = body.Form,
            headers = RequestDict.Headers(request),
            origin = RequestDict.Origin(request.HttpContext),
            url = RequestDict.Url(request),
        });
    }

    private static bool Number(string? text, double fallback, out double value)
    {
        value = fallback;
        return text is null || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value));
    }

    private static int? Count(string n) =>
        int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    private static IResult BadCount(string n) => Problems.BadRequest($"n must be a whole number (was '{n}').");

    private static (Random Random, IResult? Problem) SeededRandom(HttpRequest request)
    {
        var seed = RawQuery.FirstValues(request).FirstOrDefault(a => string.Equals(a.Key, "seed", StringComparison.OrdinalIgnoreCase)).Value;
        if (seed is null) return (Random.Shared, null);
        return int.TryParse(seed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? (new Random(value), null)
            : (Random.Shared, Problems.BadRequest($"seed must be a whole number (was '{seed}')."));
    }

    private static (int Size, IResult? Problem) ChunkSize(HttpRequest request)
    {
        var text = RawQuery.FirstValues(request).FirstOrDefault(a => string.Equals(a.Key, "chunk_size", StringComparison.OrdinalIgnoreCase)).Value;
        if (text is null) return (10 * 1024, null);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size)
            ? (Math.Max(1, size), null)
            : (0, Problems.BadRequest($"chunk_size must be a whole number (was '{text}')."));
    }
}
