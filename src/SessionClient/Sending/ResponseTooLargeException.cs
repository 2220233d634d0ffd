using System.Globalization;
using SessionClient.Logging;

namespace SessionClient;

/// <summary>
/// A response body (counted after decompression) went past <see cref="HttpSession.MaxResponseBodyBytes"/> or the
/// request's <see cref="RequestOptions.MaxResponseBodyBytes"/>; reading stopped there, so nothing past the limit was kept.
/// </summary>
public sealed class ResponseTooLargeException(Uri url, long limit, long? contentLength)
    : HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, Describe(url, limit, contentLength))
{
    /// <summary>The limit in bytes that the body went past.</summary>
    public long Limit { get; } = limit;

    /// <summary>The Content-Length the server announced, when it alone showed the body too large.</summary>
    public long? ContentLength { get; } = contentLength;

    private static string Describe(Uri url, long limit, long? contentLength)
    {
        var size = contentLength is { } announced
            ? string.Create(CultureInfo.InvariantCulture, $"announces {announced} bytes (Content-Length)")
            : "is larger";
        return string.Create(CultureInfo.InvariantCulture,
            $"The response body from {Redaction.Url(url)} {size} than MaxResponseBodyBytes allows ({limit} bytes). ") +
            "Raise HttpSession.MaxResponseBodyBytes (or RequestOptions.MaxResponseBodyBytes for one request), " +
            "or set RequestOptions.Stream and read the body yourself.";
    }
}
