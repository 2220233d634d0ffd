using FakeAuthServer.Admin;
using FakeAuthServer.Auth.Forms;
using FakeAuthServer.Auth.Oidc;
using FakeAuthServer.Auth.Tokens;
using FakeAuthServer.Auth.Tokens.OAuth;
using FakeAuthServer.Endpoints;
using FakeAuthServer.Endpoints.Httpbin;
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
            .WithSummary("Log in (form or JSON username/password); sets the user_id session cookie.").WithMetadata(StoreSyncsClock.Instance);
        app.MapGet("/protected", ProtectedEndpoint.Handle)
            .WithSummary("200 with a live user_id session cookie, 401 otherwise.").WithMetadata(StoreSyncsClock.Instance);
        app.MapGet("/api/cookies", CookieEchoEndpoint.Handle)
            .WithSummary("Sends every cookie it receives back as Set-Cookie, and as JSON; more than 50 cookies get 400.").WithMetadata(Stateless.Instance);
        app.MapPost("/api/notes", NotesEndpoints.Add).WithSummary("Store a note (JSON text) for the logged-in user; 401 without a session.");
        app.MapGet("/api/notes", NotesEndpoints.List).WithSummary("The logged-in user's notes.");
        app.MapGet("/flaky", FlakyEndpoint.Handle)
            .WithSummary("500 or 200 at random; ?failure_rate=0..1&seed=N for a reproducible sequence, ?fail_first=N " +
                         "to fail each client's first N requests; failures shaped by ?status=, ?retry_after=, ?mode=reset " +
                         "(drop the connection); ?delay=ms before answering.");

        // httpbin 0.7.0 (Debian's python3-httpbin). As in httpbin, every GET route answers HEAD too (the same headers,
        // no body: HeadLikeGet), every route answers OPTIONS and carries CORS headers (HttpbinCors), and the echo
        // routes take large bodies (LargeBody). Only /cache, /delay, /drip and /range read server state (the clock).
        // Filters go in as instances: AddEndpointFilter<T>() compiles an expression tree per filter type, which was
        // the largest single item of a fixture's cold start.
        var httpbinClocked = app.MapGroup("").WithTags("httpbin").AddEndpointFilter(new HttpbinCors()).AddEndpointFilter(new HeadLikeGet());
        var httpbin = httpbinClocked.MapGroup("").WithMetadata(Stateless.Instance);
        string[] getHead = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Options];
        string[] anyMethod = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch, HttpMethods.Trace, HttpMethods.Options];

        // HTTP methods and request inspection.
        httpbin.MapMethods("/get", getHead, MethodEchoEndpoints.Get).WithSummary("The request's query arguments, headers, origin and URL.");
        httpbin.MapMethods("/post", [HttpMethods.Post, HttpMethods.Options], MethodEchoEndpoints.WithBody).WithMetadata(LargeBody.Instance)
            .WithSummary("The request's args, form, files, data, json, headers, origin and URL (multipart included).");
        httpbin.MapMethods("/put", [HttpMethods.Put, HttpMethods.Options], MethodEchoEndpoints.WithBody).WithMetadata(LargeBody.Instance).WithSummary("As /post, for PUT.");
        httpbin.MapMethods("/patch", [HttpMethods.Patch, HttpMethods.Options], MethodEchoEndpoints.WithBody).WithMetadata(LargeBody.Instance).WithSummary("As /post, for PATCH.");
        httpbin.MapMethods("/delete", [HttpMethods.Delete, HttpMethods.Options], MethodEchoEndpoints.WithBody).WithMetadata(LargeBody.Instance).WithSummary("As /post, for DELETE.");
        httpbin.MapMethods("/anything", anyMethod, MethodEchoEndpoints.Anything).WithMetadata(LargeBody.Instance)
            .WithSummary("As /post, for any method, with the method.");
        httpbin.MapMethods("/anything/{**path}", anyMethod, MethodEchoEndpoints.Anything).WithMetadata(LargeBody.Instance)
            .WithSummary("As /anything, under any path.");
        httpbin.MapMethods("/headers", getHead, InspectionEndpoints.Headers).WithSummary("The request's headers.");
        httpbin.MapMethods("/ip", getHead, InspectionEndpoints.Ip).WithSummary("The caller's address (or X-Forwarded-For).");
        httpbin.MapMethods("/user-agent", getHead, InspectionEndpoints.UserAgent).WithSummary("The request's User-Agent.");

        // Cookies.
        httpbin.MapMethods("/cookies", getHead, CookiesEndpoints.Show).WithSummary("The cookies the request carried.");
        httpbin.MapMethods("/cookies/set", getHead, CookiesEndpoints.SetFromQuery)
            .WithSummary("Sets each ?name=value as a cookie (names case-sensitive, the first value of a repeated one), then redirects to /cookies.");
        httpbin.MapMethods("/cookies/set/{name}/{value}", getHead, CookiesEndpoints.SetFromPath)
            .WithSummary("Sets one cookie, then redirects to /cookies.");
        httpbin.MapMethods("/cookies/delete", getHead, CookiesEndpoints.Delete)
            .WithSummary("Expires each ?name, then redirects to /cookies.");

        // Auth.
        httpbin.MapMethods("/basic-auth/{user}/{passwd}", getHead, AuthEchoEndpoints.BasicAuth)
            .WithSummary("200 when HTTP Basic credentials match the path, 401 with a challenge otherwise.")
            .WithMetadata(RedactPathInLogs.Instance);
        httpbin.MapMethods("/bearer", getHead, AuthEchoEndpoints.Bearer).WithSummary("200 with any Bearer token, 401 otherwise.");

        // Status codes and redirects.
        httpbin.MapMethods("/status/{codes}", anyMethod, StatusEndpoint.Handle)
            .WithSummary("Answers with the status given (or a random one of '200,500' or '200:0.9,500:0.1').");
        httpbin.MapMethods("/redirect/{n}", getHead, RedirectEndpoints.Chain)
            .WithSummary("n 302 redirects through /relative-redirect (or /absolute-redirect with ?absolute=true), ending at /get.");
        httpbin.MapMethods("/relative-redirect/{n}", getHead, RedirectEndpoints.Relative).WithSummary("n 302 redirects with relative Locations, ending at /get.");
        httpbin.MapMethods("/absolute-redirect/{n}", getHead, RedirectEndpoints.Absolute).WithSummary("n 302 redirects with absolute Locations, ending at /get.");
        httpbin.MapMethods("/redirect-to", anyMethod, RedirectEndpoints.To)
            .WithSummary("Redirects to ?url= as given with ?status_code= (300-399, else 302).");

        // Response inspection.
        httpbin.MapMethods("/response-headers", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Options], CacheEndpoints.ResponseHeaders)
            .WithSummary("Each ?name=value as a response header; the JSON body lists the response's headers.");
        httpbinClocked.MapMethods("/cache", getHead, CacheEndpoints.Cache)
            .WithSummary("304 with If-Modified-Since or If-None-Match; otherwise /get's answer with Last-Modified and ETag.");
        httpbin.MapMethods("/cache/{n}", getHead, CacheEndpoints.CacheFor).WithSummary("/get's answer with Cache-Control: public, max-age=n.");
        httpbin.MapMethods("/etag/{etag}", getHead, CacheEndpoints.Etag)
            .WithSummary("/get's answer with that ETag; 304 for a matching If-None-Match, 412 for a failing If-Match.");

        // Response formats.
        httpbin.MapMethods("/json", getHead, FormatEndpoints.Json).WithSummary("A JSON document (httpbin 0.9's slideshow; 0.7.0 has no /json).");
        httpbin.MapMethods("/html", getHead, FormatEndpoints.PageHtml).WithSummary("An HTML page (Moby-Dick).");
        httpbin.MapMethods("/xml", getHead, FormatEndpoints.Xml).WithSummary("An XML document.");
        httpbin.MapMethods("/robots.txt", getHead, FormatEndpoints.Robots).WithSummary("A robots.txt disallowing /deny.");
        httpbin.MapMethods("/deny", getHead, FormatEndpoints.Deny).WithSummary("The page robots.txt disallows.");
        httpbin.MapMethods("/encoding/utf8", getHead, FormatEndpoints.Utf8).WithSummary("UTF-8 text in many scripts.");
        httpbin.MapMethods("/forms/post", getHead, FormatEndpoints.FormsPost).WithSummary("An HTML form that posts to /post.");
        httpbin.MapMethods("/gzip", getHead, CompressedEndpoints.Gzip).WithSummary("The request's origin and headers as gzip-encoded JSON.");
        httpbin.MapMethods("/deflate", getHead, CompressedEndpoints.Deflate).WithSummary("The request's origin and headers as deflate-encoded JSON.");
        httpbin.MapMethods("/brotli", getHead, CompressedEndpoints.Brotli).WithSummary("The request's origin and headers as brotli-encoded JSON.");
        httpbin.MapMethods("/image", getHead, FormatEndpoints.Image).WithSummary("An image of the type Accept asks for (png, jpeg, webp, svg); 406 otherwise.");
        httpbin.MapMethods("/image/png", getHead, FormatEndpoints.Png).WithSummary("A PNG image.");
        httpbin.MapMethods("/image/jpeg", getHead, FormatEndpoints.Jpeg).WithSummary("A JPEG image.");
        httpbin.MapMethods("/image/webp", getHead, FormatEndpoints.Webp).WithSummary("A WebP image.");
        httpbin.MapMethods("/image/svg", getHead, FormatEndpoints.Svg).WithSummary("An SVG image.");

        // Dynamic data.
        httpbin.MapMethods("/uuid", getHead, DynamicDataEndpoints.Uuid).WithSummary("A random UUID (version 4).");
        httpbin.MapMethods("/base64/{value}", getHead, FormatEndpoints.Base64).WithSummary("The URL-safe base64 value decoded as text.");
        httpbin.MapMethods("/bytes/{n}", getHead, DynamicDataEndpoints.Bytes).WithSummary("n random bytes (at most 100 KiB; ?seed= for a fixed sequence).");
        httpbin.MapMethods("/stream-bytes/{n}", getHead, DynamicDataEndpoints.StreamBytes)
            .WithSummary("n random bytes, streamed in ?chunk_size= chunks (?seed= for a fixed sequence).");
        httpbinClocked.MapMethods("/range/{n}", getHead, DynamicDataEndpoints.Range)
            .WithSummary("n bytes (a..z repeating) honouring Range: 206 with Content-Range, 416 when unsatisfiable; ?duration=s&chunk_size= paces them (server clock).");
        httpbin.MapMethods("/stream/{n}", getHead, DynamicDataEndpoints.Stream).WithSummary("min(n, 100) JSON lines of /get's answer, streamed.");
        httpbin.MapMethods("/links/{n}/{offset}", getHead, DynamicDataEndpoints.LinkPage).WithSummary("A page of n links to its siblings.");
        httpbin.MapMethods("/links/{n}", getHead, DynamicDataEndpoints.Links).WithSummary("Redirects to /links/{n}/0.");
        httpbinClocked.MapMethods("/drip", getHead, DynamicDataEndpoints.Drip)
            .WithSummary("?numbytes= asterisks over ?duration= seconds after ?delay=, with status ?code= (server clock).");
        httpbinClocked.MapMethods("/delay/{n}", getHead, DynamicDataEndpoints.Delay)
            .WithSummary("Answers after min(n, 10) seconds on the server clock (in-process: the test's clock).");

        // More auth.
        httpbin.MapMethods("/hidden-basic-auth/{user}/{passwd}", getHead, HiddenBasicAuthEndpoint.Handle)
            .WithSummary("As /basic-auth, but 404 instead of a challenge.").WithMetadata(RedactPathInLogs.Instance);
        httpbin.MapMethods("/digest-auth/{qop}/{user}/{passwd}", getHead, DigestAuthEndpoint.Md5)
            .WithSummary("HTTP Digest (MD5; qop auth or auth-int) for the user and password in the path.").WithMetadata(RedactPathInLogs.Instance);
        httpbin.MapMethods("/digest-auth/{qop}/{user}/{passwd}/{algorithm}", getHead, DigestAuthEndpoint.WithAlgorithm)
            .WithSummary("HTTP Digest with MD5, SHA-256 or SHA-512.").WithMetadata(RedactPathInLogs.Instance);
        httpbin.MapMethods("/digest-auth/{qop}/{user}/{passwd}/{algorithm}/{stale_after}", getHead, DigestAuthEndpoint.WithStaleAfter)
            .WithSummary("HTTP Digest whose nonce goes stale after stale_after uses.").WithMetadata(RedactPathInLogs.Instance);

        // Seed 004: form login with CSRF, its second factor, the dashboard and logout. The posts refuse another
        // origin's browser (FormOrigin), which the CSRF token pair alone cannot.
        app.MapGet("/login", LoginPageEndpoint.Handle)
            .WithSummary("The login form, with a CSRF token in a hidden input and a csrf-token meta tag; ?next=/path.");
        app.MapGet("/dashboard", DashboardEndpoint.Handle)
            .WithSummary("\"Welcome, user\" with a live session; 302 to /login?next=%2Fdashboard otherwise.");
        app.MapGet("/2fa", TwoFactorPageEndpoint.Handle).WithSummary("The TOTP code form while a password login is pending.");
        var formPosts = app.MapGroup("").AddEndpointFilter(new FormOrigin());
        formPosts.MapPost("/login", FormLoginEndpoint.Handle)
            .WithSummary("Form login: username, password, csrf_token, next; 302 to next (or /dashboard, or /2fa) with a fresh session.")
            .WithMetadata(StoreSyncsClock.Instance);
        formPosts.MapPost("/2fa/verify", TwoFactorVerifyEndpoint.Handle)
            .WithSummary("Form: code (6-digit TOTP), csrf_token; completes a pending login, 302 to next.");
        formPosts.MapPost("/logout", LogoutEndpoint.Handle).WithSummary("Ends the session and expires its cookie; 302 to /login.");

        // Seed 004: token login for API clients.
        app.MapPost("/api/auth/login", TokenLoginEndpoint.Handle)
            .WithSummary("Log in (JSON or form username/password, optional scope) for a bearer access_token and a refresh_token.")
            .WithMetadata(StoreSyncsClock.Instance);
        app.MapPost("/api/auth/2fa", TwoFactorTokenEndpoint.Handle)
            .WithSummary("The second step for a TOTP user: {login_ticket, code} for the tokens.");
        app.MapPost("/api/auth/refresh", RefreshEndpoint.Handle)
            .WithSummary("A refresh_token (JSON or form) for a new access token and a rotated refresh token; reuse revokes the login.");
        app.MapGet("/api/me", MeEndpoint.Handle)
            .WithSummary("Who the Authorization: Bearer access token belongs to; 401 with a WWW-Authenticate challenge otherwise.")
            .WithMetadata(StoreSyncsClock.Instance);

        // Seed 004: OAuth2 authorization code with PKCE, refresh and client credentials.
        app.MapMethods("/oauth/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.Handle)
            .WithSummary("OAuth2 authorization code with PKCE S256 (OpenID Connect nonce, prompt, max_age, response_mode=form_post); " +
                         "the user is the live session's, or logs in with HTTP Basic, a posted username/password or the /login page; " +
                         "then 302 to redirect_uri with code and state.");
        app.MapPost("/oauth/token", TokenEndpoint.Handle)
            .WithSummary("OAuth2 token endpoint (form): grant_type authorization_code, refresh_token or client_credentials.");
        app.MapPost("/oauth/introspect", IntrospectionEndpoint.Handle)
            .WithSummary("RFC 7662 introspection for confidential clients: token → {active, scope, client_id, sub, exp…}.");
        app.MapPost("/oauth/revoke", RevocationEndpoint.Handle).WithSummary("RFC 7009 revocation: the token's whole grant goes.");
        app.MapMethods("/oauth/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoEndpoint.Handle)
            .WithSummary("OpenID Connect userinfo: sub and the user's configured claims, for a token granted with openid.");
        app.MapMethods(EndSessionEndpoint.Path, [HttpMethods.Get, HttpMethods.Post], EndSessionEndpoint.Handle)
            .WithSummary("OpenID Connect RP-initiated logout: ends the session, then back to a registered post_logout_redirect_uri with state.");

        // OpenID Connect: discovery and the signing keys, for apps whose JwtBearer or OpenIdConnect handler trusts this server.
        app.MapGet("/.well-known/openid-configuration", DiscoveryEndpoint.Handle)
            .WithSummary("OpenID Connect discovery: the issuer (this address), the endpoints, the signing algorithm.");
        app.MapGet(JwksEndpoint.Path, JwksEndpoint.Handle).WithSummary("The public signing keys (JWKS): the current one and rotated ones in their grace period.");

        // The admin API: 404 unless --admin; while on, AdminRequestGuard refuses what a page elsewhere could send.
        var admin = app.MapGroup("/_admin").AddEndpointFilter(new AdminRequestGuard());
        admin.MapPost("/clock/advance", AdminEndpoints.AdvanceClock).WithSummary("Admin: move the server clock forward (?seconds=N).");
        admin.MapGet("/sessions", AdminEndpoints.ListSessions).WithSummary("Admin: the live sessions.");
        admin.MapDelete("/sessions/{id}", AdminEndpoints.EndSession).WithSummary("Admin: end one session.");
        admin.MapPost("/users", AdminEndpoints.AddUser)
            .WithSummary("Admin: add or change a user (JSON username, password, optional Base32 totpSecret; \"\" removes it).");
        admin.MapGet("/info", AdminEndpoints.Info).WithSummary("Admin: the listening addresses and a generated certificate's SHA-256.");
        admin.MapGet("/certificate", AdminEndpoints.Certificate)
            .WithSummary("Admin: the certificate generated for https, as PEM (curl --cacert, Python's verify=).");
        admin.MapGet("/requests", AdminEndpoints.Requests).WithSummary("Admin: the recent requests.");
        admin.MapPost("/keys/rotate", AdminEndpoints.RotateKeys).WithSummary("Admin: a new signing key; the old one stays in the JWKS for the grace period.");
        admin.MapPost("/reset", AdminEndpoints.Reset).WithSummary("Admin: forget sessions, tokens, flaky counters, lockouts, used TOTP codes, added users; stub scenarios back to their start.");
        admin.MapPost("/flaky/reset", AdminEndpoints.ResetFlaky).WithSummary("Admin: /flaky's seeded sequences and fail_first counters start again; nothing else changes.");
        admin.MapGet("/inspector", Admin.Inspector.InspectorPage.Handle).WithSummary("Admin: a live page of the requests and sessions, for teaching.");
        admin.MapGet("/inspector/events", Admin.Inspector.InspectorEventStream.Handle).WithSummary("Admin: the inspector's server-sent events.");
        return app;
    }
}
