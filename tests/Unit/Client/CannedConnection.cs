using System.Net;

namespace SessionKit.Tests.Unit.Client;

/// <summary>
/// A real <see cref="SocketsHttpHandler"/> (so automatic decompression runs) whose connections are in-memory streams
/// that ignore the request and answer with the same bytes each time: no socket, no port.
/// </summary>
internal static class CannedConnection
{
    public static SocketsHttpHandler Handler(byte[] rawResponse) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectCallback = (_, _) => ValueTask.FromResult<Stream>(new AnswerStream(rawResponse)),
    };

    /// <summary>Reads return the canned answer, then end of stream; writes (the request) are dropped.</summary>
    private sealed class AnswerStream(byte[] answer) : Stream
    {
        private readonly MemoryStream _answer = new(answer, writable: false);

        public override bool CanRead => true;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _answer.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(_answer.Read(buffer.Span));
        public override void Write(byte[] buffer, int offset, int count) { }
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
