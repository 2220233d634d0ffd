namespace FakeAuthServer.Http;

/// <summary>A read-only view of the request body whose read failures are 400s (see UnreadableBodyMiddleware).</summary>
internal sealed class UnreadableBodyStream(Stream body) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try { return body.Read(buffer, offset, count); }
        catch (IOException e) when (e is not BadHttpRequestException) { throw Unreadable(e); }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try { return await body.ReadAsync(buffer, cancellationToken); }
        catch (IOException e) when (e is not BadHttpRequestException) { throw Unreadable(e); }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private static BadHttpRequestException Unreadable(IOException e) =>
        new($"The request body could not be read ({e.Message}); send it again with a valid Content-Length or well-formed chunked encoding.",
            StatusCodes.Status400BadRequest, e);

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
