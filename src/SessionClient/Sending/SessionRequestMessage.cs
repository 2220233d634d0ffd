namespace SessionClient.Sending;

/// <summary>
/// A message the session built and sent: it carries what <see cref="ResponseExtensions"/> reads back from a
/// response (the session's jar, the redirects before it) as fields, where any other message needs an options
/// dictionary per request.
/// </summary>
internal sealed class SessionRequestMessage(HttpMethod method, Uri uri) : HttpRequestMessage(method, uri)
{
    public CookieJar? Jar { get; set; }
    public IReadOnlyList<HttpResponseMessage>? History { get; set; }
}
