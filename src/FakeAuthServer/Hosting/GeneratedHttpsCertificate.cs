using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FakeAuthServer.Hosting;

/// <summary>
/// A self-signed certificate for localhost, 127.0.0.1 and ::1, made the first time an https endpoint needs one that
/// nobody configured, so the standalone server serves https without a dev certificate. Clients cannot chain it to
/// a trusted root: they pin its SHA-256 fingerprint, which GET /_admin/info gives.
/// </summary>
public sealed class GeneratedHttpsCertificate
{
    private readonly Lazy<X509Certificate2> _certificate = new(Create);

    public X509Certificate2 Certificate => _certificate.Value;

    /// <summary>The fingerprint (hex, upper case) once the certificate exists; null while https has not needed it.</summary>
    public string? Sha256 => _certificate.IsValueCreated ? _certificate.Value.GetCertHashString(HashAlgorithmName.SHA256) : null;

    private static X509Certificate2 Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=FakeAuthServer self-signed", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false)); // server auth
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));
        // A round trip through PKCS#12 gives a key every platform's TLS stack can use (an ephemeral one fails on Windows).
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
