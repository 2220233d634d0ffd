namespace SessionClient.Sending;

/// <summary>
/// Buffers a response body up to a limit, counted on the bytes the content yields (decompressed, when the handler
/// decompresses), so a gzip bomb costs the limit, not its inflated size. The content buffers itself, as HttpClient's
/// own read does (no second content, no header copy): its buffer refuses the first byte past the limit, and once
/// buffered, Content-Length is the buffer's length. <see cref="Exchange"/> awaits the buffering inline.
/// </summary>
internal static class BoundedResponseBody
{
    /// <summary>A Content-Length past the limit fails before any of the body is read.</summary>
    public static void RefuseAnnounced(HttpResponseMessage response, Uri url, long limit)
    {
        var announced = response.Content.Headers.ContentLength;
        if (announced > limit) throw new ResponseTooLargeException(url, limit, announced);
    }

    /// <summary>The content's buffer ran past its limit (a failure while reading has the I/O error inside).</summary>
    public static bool IsPastLimit(HttpRequestException e) =>
        e.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded && e.InnerException is null;

    public static ResponseTooLargeException TooLarge(Uri url, long limit) => new(url, limit, contentLength: null);
}
