using Microsoft.Extensions.DependencyInjection.Extensions;
using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Options;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Forms;

/// <summary>The form login's services: CSRF tokens, second factors, pending logins. Its routes are in <see cref="Routes"/>.</summary>
public static class FormLoginRegistration
{
    public static IServiceCollection AddFormLogin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<FakeAuthOptions>, FormLoginOptionsValidator>();
        services.TryAddSingleton(_ => CsrfKey.NewRandom());
        services.AddSingleton<CsrfTokens>();
        services.AddSingleton<TwoFactorSecrets>();
        services.AddSingleton<IPendingLogins, PendingLogins>();
        services.AddSingleton<ITotpReplayGuard, TotpReplayGuard>();
        return services;
    }
}
