using SessionClient.IO;

namespace SessionClient.Sending;

/// <summary>
/// Buffers a response body up to a limit, counted on the bytes the content yields (decompressed, when the handler
/// decompresses), so a gzip bomb costs the limit, not its inflated size.
/// </summary>
internal static class BoundedResponseBody
{
    public static async Task BufferAsync(HttpResponseMessage response, Uri url, long limit, CancellationToken cancellationToken)
    {
        var content = response.Content;
        var announced = content.Headers.ContentLength;
        if (announced > limit)
            throw new ResponseTooLargeException(url, limit, announced);

        MemoryStream? body;
        await using (var stream = await content.ReadAsStreamAsync(cancellationToken))
            body = await BoundedRead.ToMemoryAsync(stream, limit, announced ?? 0, cancellationToken);
        if (body is null)
            throw new ResponseTooLargeException(url, limit, contentLength: null);

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
