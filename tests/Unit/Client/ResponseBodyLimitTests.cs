using System.IO.Compression;
using System.Net;
using System.Text;
using SessionClient;

namespace SessionKit.Tests.Unit.Client;

/// <summary>Issue 13 item 17: a buffered response body is bounded, counted after decompression, while it is read.</summary>
public class ResponseBodyLimitTests
{
    private const int Inflated = 64 * 1024 * 1024;
    private static readonly Lazy<byte[]> GzipBomb = new(() =>
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < Inflated / zeros.Length; i++) gzip.Write(zeros);
        }
        return compressed.ToArray();
    });

    private static byte[] RawResponse(byte[] body, string extraHeaders = "") =>
        [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\nConnection: close\r\n{extraHeaders}\r\n"), .. body];

    private static StubHandler Plain(int bytes) =>
        new(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[bytes]) });

    [Test]
    public async Task A_gzip_body_inflating_past_the_sessions_limit_fails_without_buffering_the_rest()
    {
        GzipBomb.Value.Length.ShouldBeLessThan(Inflated / 100);
        await using var session = new HttpSession(CannedConnection.Handler(RawResponse(GzipBomb.Value, "Content-Encoding: gzip\r\n")), disposeHandler: true)
        {
            MaxResponseBodyBytes = 1024 * 1024,
        };
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var error = await Should.ThrowAsync<ResponseTooLargeException>(() => session.GetAsync("http://bomb.example/"));

        (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore).ShouldBeLessThan(16L * 1024 * 1024);
        error.Limit.ShouldBe(1024 * 1024);
        error.HttpRequestError.ShouldBe(HttpRequestError.ConfigurationLimitExceeded);
        error.Message.ShouldContain("MaxResponseBodyBytes");
        error.Message.ShouldContain("1048576");
    }

    [Test]
    public async Task A_body_exactly_at_the_limit_is_read_whole()
    {
        await using var session = new HttpSession(Plain(1000)) { MaxResponseBodyBytes = 1000 };

        var response = await session.GetAsync("http://example.com/");

        (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBe(1000);
    }

    [Test]
    public async Task A_body_one_byte_past_the_limit_fails()
    {
        await using var session = new HttpSession(new StubHandler(_ =>
        {
            var unannounced = new StreamContent(new MemoryStream(new byte[1001]));
            unannounced.Headers.ContentLength = null; // as a chunked body: only reading finds the size
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = unannounced };
        }))
        {
            MaxResponseBodyBytes = 1000,
        };

        (await Should.ThrowAsync<ResponseTooLargeException>(() => session.GetAsync("http://example.com/"))).ContentLength.ShouldBeNull();
    }

    [Test]
    public async Task A_per_request_limit_replaces_the_sessions_in_both_directions()
    {
        await using var session = new HttpSession(Plain(1000)) { MaxResponseBodyBytes = 100 };

        await using var generous = new HttpSession(Plain(1000));

        var raised = await session.GetAsync("http://example.com/", new RequestOptions { MaxResponseBodyBytes = 1000 });
        var lowered = await Should.ThrowAsync<ResponseTooLargeException>(() =>
            generous.GetAsync("http://example.com/", new RequestOptions { MaxResponseBodyBytes = 999 }));

        (await raised.Content.ReadAsByteArrayAsync()).Length.ShouldBe(1000);
        lowered.Limit.ShouldBe(999);
    }

    [Test]
    public async Task A_content_length_past_the_limit_fails_before_any_body_is_read()
    {
        var body = new ReadCountingStream();
        await using var session = new HttpSession(new StubHandler(_ =>
        {
            var content = new StreamContent(body);
            content.Headers.ContentLength = 10L * 1024 * 1024 * 1024;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }));

        var error = await Should.ThrowAsync<ResponseTooLargeException>(() => session.GetAsync("http://user:secret@example.com/huge"));

        body.Reads.ShouldBe(0);
        error.ContentLength.ShouldBe(10L * 1024 * 1024 * 1024);
        error.Limit.ShouldBe(HttpSession.DefaultMaxResponseBodyBytes);
        error.Message.ShouldNotContain("secret");
    }

    [Test]
    public async Task A_streamed_response_is_left_for_the_caller_to_read()
    {
        await using var session = new HttpSession(Plain(1000)) { MaxResponseBodyBytes = 10 };

        var response = await session.GetAsync("http://example.com/", new RequestOptions { Stream = true });

        (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBe(1000);
    }

    [Test]
    public void A_negative_limit_is_refused()
    {
        using var session = new HttpSession(Plain(1));

        Should.Throw<ArgumentOutOfRangeException>(() => session.MaxResponseBodyBytes = -1);
    }

    /// <summary>An endless body that counts how often it was read.</summary>
    private sealed class ReadCountingStream : Stream
    {
        public int Reads;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            return count;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
