using FakeAuthServer.Hosting;
using FakeAuthServer.Auth.Tokens.OAuth;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Tokens;

/// <summary>Token login, refresh, /api/me and the OAuth2 code flow with PKCE (issue 5). Wired in by Routes/ServiceRegistration.</summary>
public static class TokenRegistration
{
    public static IServiceCollection AddTokenAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TokenOptions>().Bind(configuration.GetSection(TokenOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TokenOptions>, TokenOptionsValidator>();
        services.AddOptions<OAuthOptions>().Bind(configuration.GetSection(OAuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OAuthOptions>, OAuthOptionsValidator>();

        services.AddSingleton<ITokenStore, InMemoryTokenStore>();
        PeriodicPurge.Register<ITokenStore>(services, "tokens", s => s.PurgeExpired(),
            sp => sp.GetRequiredService<IOptions<TokenOptions>>().Value.PurgeInterval);
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<ClientAuthentication>();
        services.AddSingleton<AuthorizationCodeGrant>();
        services.AddSingleton<RefreshTokenGrant>();
        services.AddSingleton<ClientCredentialsGrant>();
        return services;
    }

    public static IEndpointRouteBuilder MapTokenRoutes(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", TokenLoginEndpoint.Handle)
            .WithSummary("Log in (JSON or form username/password) for a bearer access_token and a refresh_token.");
        app.MapGet("/api/me", MeEndpoint.Handle)
            .WithSummary("Who the Authorization: Bearer access token belongs to; 401 with a WWW-Authenticate challenge otherwise.");
        app.MapPost("/api/auth/2fa", TwoFactorTokenEndpoint.Handle)
            .WithSummary("The second step for a TOTP user: {login_ticket, code} for the tokens.");
        app.MapPost("/api/auth/refresh", RefreshEndpoint.Handle)
            .WithSummary("A refresh_token (JSON or form) for a new access token and a rotated refresh token; reuse revokes the login.");
        app.MapMethods("/oauth/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.Handle)
            .WithSummary("OAuth2 authorization code with PKCE S256; the user logs in with HTTP Basic or a posted username/password, " +
                         "then 302 to redirect_uri with code and state.");
        app.MapPost("/oauth/token", TokenEndpoint.Handle)
            .WithSummary("OAuth2 token endpoint (form): grant_type authorization_code, refresh_token or client_credentials.");
        return app;
    }
}
