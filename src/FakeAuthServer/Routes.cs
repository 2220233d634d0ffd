using FakeAuthServer.Admin;
using FakeAuthServer.Auth.Forms;
using FakeAuthServer.Auth.Tokens;
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

        // Seed 004's login flows.
        app.MapFormLoginRoutes();
        app.MapTokenRoutes();

        // Off unless --admin: the clock, sessions, users, the request journal, reset.
        app.MapAdminRoutes();
        return app;
    }
}
