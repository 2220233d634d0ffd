using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SessionClient;

/// <summary>Host canonicalization and the RFC 6265 §5.1.3 domain-match rule.</summary>
internal static class DomainMatching
{
    private static readonly IdnMapping Idn = new();

    /// <summary>The canonical form of a request host: lower-case, IDNA ASCII, IPv6 without brackets.</summary>
    public static string CanonicalizeHost(Uri uri)
    {
        var host = uri.IdnHost;
        if (uri.HostNameType == UriHostNameType.IPv6 && host.StartsWith('['))
            host = host[1..^1];
        return host.ToLowerInvariant();
    }

    /// <summary>Canonicalizes a Domain attribute; text that is not a valid IDN is kept (lower-cased) and then simply never matches.</summary>
    public static string CanonicalizeDomain(string domain)
    {
        if (!Ascii.IsValid(domain))
        {
            try
            {
                domain = Idn.GetAscii(domain);
            }
            catch (ArgumentException)
            {
                // Not a valid IDN: it cannot domain-match any real host, so no harm in keeping it.
            }
        }
        return domain.ToLowerInvariant();
    }

    public static bool IsIpAddress(string host) =>
        host.Length > 0 && (char.IsAsciiDigit(host[^1]) || host.Contains(':')) && IPAddress.TryParse(host, out _);

    /// <summary>§5.1.3: identical, or <paramref name="host"/> is a subdomain of <paramref name="domain"/> and not an IP address.</summary>
    public static bool DomainMatches(string host, string domain)
    {
        if (string.Equals(host, domain, StringComparison.Ordinal))
            return true;
        return domain.Length > 0
            && host.Length > domain.Length
            && host.EndsWith(domain, StringComparison.Ordinal)
            && host[host.Length - domain.Length - 1] == '.'
            && !IsIpAddress(host);
    }

    /// <summary>localhost, *.localhost, 127.0.0.0/8 and ::1: "potentially trustworthy" origins in browsers and curl.</summary>
    public static bool IsLoopback(string host)
    {
        if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal))
            return true;
        return IPAddress.TryParse(host, out var address)
            && (IPAddress.IsLoopback(address) || (address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(address.MapToIPv4())));
    }
}
