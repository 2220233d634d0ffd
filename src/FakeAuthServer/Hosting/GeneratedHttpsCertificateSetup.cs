using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace FakeAuthServer.Hosting;

public static class GeneratedHttpsCertificateSetup
{
    /// <summary>
    /// https endpoints without a certificate of their own use the <see cref="GeneratedHttpsCertificate"/>, unless
    /// Kestrel:Certificates:Default names one. Endpoints configured with a certificate keep it.
    /// </summary>
    public static WebApplicationBuilder UseGeneratedCertificateForUnconfiguredHttps(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetSection("Kestrel:Certificates:Default").Exists()) return builder;
        builder.WebHost.ConfigureKestrel((KestrelServerOptions kestrel) => kestrel.ConfigureHttpsDefaults(https =>
        {
            if (https.ServerCertificate is null && https.ServerCertificateSelector is null)
                https.ServerCertificate = kestrel.ApplicationServices.GetRequiredService<GeneratedHttpsCertificate>().Certificate;
        }));
        return builder;
    }
}
