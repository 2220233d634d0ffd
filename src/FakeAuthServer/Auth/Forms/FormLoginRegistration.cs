using Microsoft.Extensions.DependencyInjection.Extensions;
using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Options;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Forms;

/// <summary>Form login with CSRF, the dashboard, logout, 2FA and idle expiry (issue 5). Wired in by Routes/ServiceRegistration.</summary>
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

    public static IEndpointRouteBuilder MapFormLoginRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", LoginPageEndpoint.Handle)
            .WithSummary("The login form, with a CSRF token in a hidden input and a csrf-token meta tag; ?next=/path.");
        app.MapPost("/login", FormLoginEndpoint.Handle).AddEndpointFilter<FormOrigin>()
            .WithSummary("Form login: username, password, csrf_token, next; 302 to next (or /dashboard, or /2fa) with a fresh session.");
        app.MapGet("/dashboard", DashboardEndpoint.Handle)
            .WithSummary("\"Welcome, user\" with a live session; 302 to /login?next=%2Fdashboard otherwise.");
        app.MapPost("/logout", LogoutEndpoint.Handle).AddEndpointFilter<FormOrigin>().WithSummary("Ends the session and expires its cookie; 302 to /login.");
        app.MapGet("/2fa", TwoFactorPageEndpoint.Handle).WithSummary("The TOTP code form while a password login is pending.");
        app.MapPost("/2fa/verify", TwoFactorVerifyEndpoint.Handle).AddEndpointFilter<FormOrigin>()
            .WithSummary("Form: code (6-digit TOTP), csrf_token; completes a pending login, 302 to next.");
        return app;
    }
}
