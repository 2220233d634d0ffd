using System.Buffers;

namespace SessionClient.Sending;

/// <summary>
/// Buffers a response body up to a limit, counted on the bytes the content yields (decompressed, when the handler
/// decompresses). Reading stops at the first byte past the limit, so a gzip bomb costs the limit, not its inflated size.
/// </summary>
internal static class BoundedResponseBody
{
    private const int ChunkBytes = 81920;

    public static async Task BufferAsync(HttpResponseMessage response, Uri url, long limit, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (content.Headers.ContentLength is { } announced && announced > limit)
            throw new ResponseTooLargeException(url, limit, announced);

        var body = new MemoryStream((int)Math.Min(content.Headers.ContentLength ?? 0, limit));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            while (true)
            {
                // One byte more than the room left is enough to tell "exactly at the limit" from "past it".
                var room = (int)Math.Min(chunk.Length, limit - body.Length + 1);
                var read = await stream.ReadAsync(chunk.AsMemory(0, room), cancellationToken);
                if (read == 0) break;
                if (body.Length + read > limit)
                    throw new ResponseTooLargeException(url, limit, contentLength: null);
                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        response.Content = Buffered(content, body);
        content.Dispose();
    }

    // The content headers stay as the handler left them; Content-Length is recomputed from the bytes.
    private static ByteArrayContent Buffered(HttpContent original, MemoryStream body)
    {
        var buffered = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
        foreach (var (name, values) in original.Headers.NonValidated)
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                buffered.Headers.TryAddWithoutValidation(name, values);
        return buffered;
    }
}
