using FakeAuthServer.Options;
using FakeAuthServer.Hosting;
using FakeAuthServer.Auth.Tokens.OAuth;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Tokens;

/// <summary>The token and OAuth2 services: options, the token store, the issuer, the grants. Their routes are in <see cref="Routes"/>.</summary>
public static class TokenRegistration
{
    public static IServiceCollection AddTokenAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TokenOptions>().Bind(configuration.GetSection(TokenOptions.Section)).CheckedBy<TokenOptions, TokenOptionsValidator>();
        services.AddOptions<OAuthOptions>().Bind(configuration.GetSection(OAuthOptions.Section)).CheckedBy<OAuthOptions, OAuthOptionsValidator>();

        services.AddSingleton<ITokenStore, InMemoryTokenStore>();
        PeriodicPurge.Register<ITokenStore>(services, "tokens", s => s.PurgeExpired(),
            sp => sp.GetRequiredService<IOptions<TokenOptions>>().Value.PurgeInterval);
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<TokenLogin>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<ClientAuthentication>();
        services.AddSingleton<AuthorizationCodeGrant>();
        services.AddSingleton<RefreshTokenGrant>();
        services.AddSingleton<ClientCredentialsGrant>();
        return services;
    }
}
