namespace SessionClient.Sending;

/// <summary>A request body read once, so that a 307/308 hop (and later a retry) can send it again.</summary>
internal sealed class BufferedBody(byte[] bytes, List<KeyValuePair<string, string[]>> headers)
{
    public static async Task<BufferedBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
        var headers = content.Headers.Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray())).ToList();
        return new BufferedBody(bytes, headers);
    }

    public HttpContent ToContent()
    {
        var content = new ByteArrayContent(bytes);
        foreach (var (name, values) in headers)
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                content.Headers.TryAddWithoutValidation(name, values);
        return content;
    }
}
