namespace SessionClient.Redirects;

/// <summary>How a redirect changes the next request (RFC 9110 §15.4, as browsers and requests apply it).</summary>
internal static class RedirectRules
{
    public static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

    /// <summary>303 → GET (HEAD stays HEAD); 301/302 turn POST into GET; 307/308 keep method and body.</summary>
    public static HttpMethod NextMethod(int status, HttpMethod method) => status switch
    {
        303 when method != HttpMethod.Head => HttpMethod.Get,
        301 or 302 when method == HttpMethod.Post => HttpMethod.Get,
        _ => method,
    };

    public static bool KeepsBody(int status) => status is 307 or 308;

    /// <summary>Scheme, host and port: what must stay the same for credentials to travel on.</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) &&
        a.Port == b.Port;

    /// <summary>The Location resolved against the current URL; the fragment carries over when Location has none.</summary>
    public static Uri? Resolve(Uri current, Uri? location)
    {
        if (location is null) return null;
        if (location.IsAbsoluteUri ? location is not { } next : !Uri.TryCreate(current, location, out next)) return null;
        if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps) return null;
        if (string.IsNullOrEmpty(next.Fragment) && !string.IsNullOrEmpty(current.Fragment))
            next = new UriBuilder(next) { Fragment = current.Fragment[1..] }.Uri;
        return next;
    }
}
