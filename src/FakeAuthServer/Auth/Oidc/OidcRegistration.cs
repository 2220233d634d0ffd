using FakeAuthServer.Options;

namespace FakeAuthServer.Auth.Oidc;

/// <summary>The OpenID Connect provider's services: options, signing keys, JWT making and reading. Its routes are in <see cref="Routes"/>.</summary>
public static class OidcRegistration
{
    public static IServiceCollection AddOidc(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OidcOptions>().Bind(configuration.GetSection(OidcOptions.Section)).CheckedBy<OidcOptions, OidcOptionsValidator>();
        services.AddHttpContextAccessor();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<JwtTokens>();
        return services;
    }
}
