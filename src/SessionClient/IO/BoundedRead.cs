using System.Buffers;

namespace SessionClient.IO;

/// <summary>
/// Reads a stream into memory up to a limit, stopping at the first byte past it: what comes from a server or a file
/// (a gzip bomb, a symlink to /dev/zero) costs at most the limit, never its claimed or inflated size.
/// </summary>
internal static class BoundedRead
{
    private const int ChunkBytes = 81920;

    /// <summary>The whole stream, or null when it holds more than <paramref name="limit"/> bytes.</summary>
    public static async Task<MemoryStream?> ToMemoryAsync(Stream source, long limit, long expectedLength, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream((int)Math.Clamp(expectedLength, 0, Math.Min(limit, Array.MaxLength)));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            while (true)
            {
                // One byte more than the room left is enough to tell "exactly at the limit" from "past it".
                var room = (int)Math.Min(chunk.Length, limit - buffer.Length + 1);
                var read = await source.ReadAsync(chunk.AsMemory(0, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    buffer.Position = 0;
                    return buffer;
                }
                if (buffer.Length + read > limit)
                    return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
