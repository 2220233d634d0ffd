using FakeAuthServer.Auth.Forms.TwoFactor;
using FakeAuthServer.Options;
using FakeAuthServer.Users;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FakeAuthServer.Admin;

/// <summary>
/// Lets the second factors given through POST /_admin/users count: TwoFactorSecrets reads the configured secrets
/// once, so it is rebuilt for each request from the <see cref="UserDirectory"/>, which holds those plus the added ones.
/// </summary>
public static class RuntimeSecondFactors
{
    /// <summary>Call after AddFakeAuthServer (it replaces the registration made there).</summary>
    public static IServiceCollection AddRuntimeSecondFactors(this IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Transient(sp => new TwoFactorSecrets(Microsoft.Extensions.Options.Options.Create(
            new FakeAuthOptions { TwoFactor = sp.GetRequiredService<UserDirectory>().TotpSecrets }))));
}
