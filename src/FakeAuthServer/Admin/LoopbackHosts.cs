using System.Net;

namespace FakeAuthServer.Admin;

/// <summary>Names and addresses that can only mean this machine: localhost (and *.localhost, RFC 6761), 127.0.0.0/8, ::1.</summary>
internal static class LoopbackHosts
{
    public static bool IsLoopback(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
            host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)) return true;
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>True when the URL's host is loopback; false for wildcards (*, +, 0.0.0.0, [::]) and other names.</summary>
    public static bool IsLoopbackUrl(string url)
    {
        // Kestrel's wildcard forms are not valid URIs (http://*:8000, http://+:8000): all interfaces.
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        if (rest.StartsWith('*') || rest.StartsWith('+')) return false;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsLoopback(uri.Host);
    }
}
