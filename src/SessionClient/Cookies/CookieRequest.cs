namespace SessionClient;

/// <summary>What the cookie rules need from a request URI, canonicalized once per call.</summary>
internal readonly record struct CookieRequest(string Host, string Path, bool IsSecure, bool IsIpAddress)
{
    public static CookieRequest From(Uri requestUri, bool treatLoopbackAsSecure)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        if (!requestUri.IsAbsoluteUri || string.IsNullOrEmpty(requestUri.Host))
            throw new ArgumentException($"Cookies need an absolute URI with a host, got '{requestUri}'.", nameof(requestUri));

        var host = DomainMatching.CanonicalizeHost(requestUri);
        var isIp = requestUri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6;
        var isSecure = requestUri.Scheme is "https" or "wss"
            || (treatLoopbackAsSecure && DomainMatching.IsLoopback(host));
        return new CookieRequest(host, requestUri.AbsolutePath, isSecure, isIp);
    }
}
