using FakeAuthServer.Admin;
using FakeAuthServer.Auth.Forms;
using FakeAuthServer.Auth.Tokens;
using FakeAuthServer.Auth.Tokens.OAuth;
using FakeAuthServer.Endpoints;
using FakeAuthServer.Http;

namespace FakeAuthServer;

/// <summary>The whole route table. Each summary also appears on the index page.</summary>
public static class Routes
{
    public static IEndpointRouteBuilder MapFakeAuthRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", IndexPage.Handle).WithSummary("This page.").ExcludeFromDescription().WithMetadata(Stateless.Instance);

        // Seed 002: cookies and sessions with requests.Session.
        app.MapPost("/api/login", LoginEndpoint.Handle)
            .WithSummary("Log in (form or JSON username/password); sets the user_id session cookie.");
        app.MapGet("/protected", ProtectedEndpoint.Handle)
            .WithSummary("200 with a live user_id session cookie, 401 otherwise.");
        app.MapGet("/api/cookies", CookieEchoEndpoint.Handle)
            .WithSummary("Sends every cookie it receives back as Set-Cookie, and as JSON; more than 50 cookies get 400.").WithMetadata(Stateless.Instance);
        app.MapPost("/api/notes", NotesEndpoints.Add).WithSummary("Store a note (JSON text) for the logged-in user; 401 without a session.");
        app.MapGet("/api/notes", NotesEndpoints.List).WithSummary("The logged-in user's notes.");
        app.MapGet("/flaky", FlakyEndpoint.Handle)
            .WithSummary("500 or 200 at random; ?failure_rate=0..1&seed=N for a reproducible sequence, ?fail_first=N " +
                         "to fail each client's first N requests; failures shaped by ?status=, ?retry_after=, ?mode=reset " +
                         "(drop the connection); ?delay=ms before answering.");

        // The httpbin subset of seeds 001 and 003: it keeps no server state.
        var httpbin = app.MapGroup("").WithMetadata(Stateless.Instance);
        httpbin.MapGet("/cookies", HttpbinCookiesEndpoints.Show).WithSummary("The cookies the request carried.");
        httpbin.MapGet("/cookies/set", HttpbinCookiesEndpoints.SetFromQuery)
            .WithSummary("Sets each ?name=value as a cookie, then redirects to /cookies.");
        httpbin.MapGet("/cookies/set/{name}/{value}", HttpbinCookiesEndpoints.SetFromPath)
            .WithSummary("Sets one cookie, then redirects to /cookies.");
        httpbin.MapGet("/cookies/delete", HttpbinCookiesEndpoints.Delete)
            .WithSummary("Expires each ?name, then redirects to /cookies.");
        httpbin.MapGet("/headers", RequestEchoEndpoints.Headers).WithSummary("The request's headers.");
        httpbin.MapGet("/get", RequestEchoEndpoints.Get).WithSummary("The request's query arguments, headers, origin and URL.");
        httpbin.Map("/status/{codes}", StatusEndpoint.Handle)
            .WithSummary("Answers with the status given (or a random one of '200,500' or '200:0.9,500:0.1').");
        httpbin.MapGet("/basic-auth/{user}/{passwd}", AuthEchoEndpoints.BasicAuth)
            .WithSummary("200 when HTTP Basic credentials match the path, 401 with a challenge otherwise.")
            .WithMetadata(RedactPathInLogs.Instance);
        httpbin.MapGet("/bearer", AuthEchoEndpoints.Bearer).WithSummary("200 with any Bearer token, 401 otherwise.");
        httpbin.MapGet("/redirect/{n}", RedirectEndpoints.Chain).WithSummary("n 302 redirects, ending at /get.");
        httpbin.Map("/redirect-to", RedirectEndpoints.To).WithSummary("Redirects to ?url= with ?status_code= (default 302).");

        // Seed 004: form login with CSRF, its second factor, the dashboard and logout. The posts refuse another
        // origin's browser (FormOrigin), which the CSRF token pair alone cannot.
        app.MapGet("/login", LoginPageEndpoint.Handle)
            .WithSummary("The login form, with a CSRF token in a hidden input and a csrf-token meta tag; ?next=/path.");
        app.MapGet("/dashboard", DashboardEndpoint.Handle)
            .WithSummary("\"Welcome, user\" with a live session; 302 to /login?next=%2Fdashboard otherwise.");
        app.MapGet("/2fa", TwoFactorPageEndpoint.Handle).WithSummary("The TOTP code form while a password login is pending.");
        var formPosts = app.MapGroup("").AddEndpointFilter<FormOrigin>();
        formPosts.MapPost("/login", FormLoginEndpoint.Handle)
            .WithSummary("Form login: username, password, csrf_token, next; 302 to next (or /dashboard, or /2fa) with a fresh session.");
        formPosts.MapPost("/2fa/verify", TwoFactorVerifyEndpoint.Handle)
            .WithSummary("Form: code (6-digit TOTP), csrf_token; completes a pending login, 302 to next.");
        formPosts.MapPost("/logout", LogoutEndpoint.Handle).WithSummary("Ends the session and expires its cookie; 302 to /login.");

        // Seed 004: token login for API clients.
        app.MapPost("/api/auth/login", TokenLoginEndpoint.Handle)
            .WithSummary("Log in (JSON or form username/password) for a bearer access_token and a refresh_token.");
        app.MapPost("/api/auth/2fa", TwoFactorTokenEndpoint.Handle)
            .WithSummary("The second step for a TOTP user: {login_ticket, code} for the tokens.");
        app.MapPost("/api/auth/refresh", RefreshEndpoint.Handle)
            .WithSummary("A refresh_token (JSON or form) for a new access token and a rotated refresh token; reuse revokes the login.");
        app.MapGet("/api/me", MeEndpoint.Handle)
            .WithSummary("Who the Authorization: Bearer access token belongs to; 401 with a WWW-Authenticate challenge otherwise.");

        // Seed 004: OAuth2 authorization code with PKCE, refresh and client credentials.
        app.MapMethods("/oauth/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.Handle)
            .WithSummary("OAuth2 authorization code with PKCE S256; the user logs in with HTTP Basic or a posted username/password, " +
                         "then 302 to redirect_uri with code and state.");
        app.MapPost("/oauth/token", TokenEndpoint.Handle)
            .WithSummary("OAuth2 token endpoint (form): grant_type authorization_code, refresh_token or client_credentials.");

        // The admin API: 404 unless --admin; while on, AdminRequestGuard refuses what a page elsewhere could send.
        var admin = app.MapGroup("/_admin").AddEndpointFilter<AdminRequestGuard>();
        admin.MapPost("/clock/advance", AdminEndpoints.AdvanceClock).WithSummary("Admin: move the server clock forward (?seconds=N).");
        admin.MapGet("/sessions", AdminEndpoints.ListSessions).WithSummary("Admin: the live sessions.");
        admin.MapDelete("/sessions/{id}", AdminEndpoints.EndSession).WithSummary("Admin: end one session.");
        admin.MapPost("/users", AdminEndpoints.AddUser)
            .WithSummary("Admin: add or change a user (JSON username, password, optional Base32 totpSecret; \"\" removes it).");
        admin.MapGet("/info", AdminEndpoints.Info).WithSummary("Admin: the listening addresses and a generated certificate's SHA-256.");
        admin.MapGet("/requests", AdminEndpoints.Requests).WithSummary("Admin: the recent requests.");
        admin.MapPost("/reset", AdminEndpoints.Reset).WithSummary("Admin: forget sessions, tokens, flaky counters, lockouts, used TOTP codes, added users.");
        return app;
    }
}
