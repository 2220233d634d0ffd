using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using SessionClient;

namespace ScenarioRunner.Running;

/// <summary>
/// Where a <see cref="SocketTarget"/>'s connections go, like curl --resolve: every host of every URL (example.test,
/// api.example.com…) connects to the target's own host, on its http or https port by the URL's scheme; the URL, the
/// Host header and cookie domains stay as written. An https certificate the server generated is trusted by its
/// SHA-256 fingerprint, for this target only.
/// </summary>
internal sealed class TargetEndpoints(Uri baseAddress)
{
    public int? HttpPort { get; private set; } = baseAddress.Scheme == Uri.UriSchemeHttp ? baseAddress.Port : null;
    public int? HttpsPort { get; private set; } = baseAddress.Scheme == Uri.UriSchemeHttps ? baseAddress.Port : null;
    public string? PinnedSha256 { get; private set; }

    /// <summary>Takes the ports and fingerprint from GET /_admin/info (the listening addresses may be 127.0.0.1, [::] or localhost).</summary>
    public void Learn(AdminClient.ServerInfo info)
    {
        foreach (var address in info.Addresses)
        {
            // Kestrel lists wildcard bindings as http://[::]:80 or http://+:80; only the scheme and port matter here.
            if (!Uri.TryCreate(address.Replace("://+:", "://0.0.0.0:").Replace("://*:", "://0.0.0.0:"), UriKind.Absolute, out var uri)) continue;
            if (uri.Scheme == Uri.UriSchemeHttp) HttpPort ??= uri.Port;
            else if (uri.Scheme == Uri.UriSchemeHttps) HttpsPort ??= uri.Port;
        }
        PinnedSha256 = info.GeneratedCertificateSha256;
    }

    public SocketsHttpHandler CreateHandler() => SessionHandlers.Prepare(new SocketsHttpHandler
    {
        ConnectCallback = ConnectAsync,
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Trusted },
    });

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var scheme = context.InitialRequestMessage.RequestUri?.Scheme ?? Uri.UriSchemeHttp;
        var port = (scheme == Uri.UriSchemeHttps ? HttpsPort : HttpPort)
                   ?? throw new HttpRequestException($"the target {baseAddress} serves no {scheme} (GET /_admin/info lists no {scheme} address)");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new DnsEndPoint(baseAddress.DnsSafeHost, port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // The certificate is issued for localhost, not example.test, and chains to nothing: its fingerprint is the trust.
    private bool Trusted(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        System.Security.Cryptography.X509Certificates.X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None ||
        (PinnedSha256 is { } pin && certificate is not null &&
         string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), pin, StringComparison.OrdinalIgnoreCase));
}
