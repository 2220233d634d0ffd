using System.Runtime.CompilerServices;
using FakeAuthServer.Admin;
using FakeAuthServer.Auth.Oidc;
using FakeAuthServer.Auth.Tokens.OAuth;
using FakeAuthServer.Clock;
using FakeAuthServer.Guards;
using FakeAuthServer.Options;
using FakeAuthServer.Sessions;
using FakeAuthServer.Stubs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WireMock.Server;

namespace FakeAuthServer.Testing;

/// <summary>
/// FakeAuthServer hosted in-process for a test suite: no port, a clock the test drives, options set in code.
/// <code>
/// await using var server = new FakeAuthServerFactory().WithSessionLifetime(TimeSpan.FromMinutes(5));
/// var client = server.CreateClient();
/// await client.PostAsync("/api/login", new FormUrlEncodedContent(FakeAuthServerFactory.DemoCredentials));
/// server.Clock.Advance(TimeSpan.FromMinutes(6));
/// (await client.GetAsync("/protected")).StatusCode; // 401
/// </code>
/// Configure before the first request: the server starts then, and options are fixed from that moment.
/// </summary>
public class FakeAuthServerFactory : WebApplicationFactory<Program>
{
    /// <summary>The tutorial's user: some_name / pass.</summary>
    public static readonly Dictionary<string, string> DemoCredentials = new() { ["username"] = "some_name", ["password"] = "pass" };

    /// <summary>Where the fake clock starts unless told otherwise: fixed, so runs are reproducible.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<Action<FakeAuthOptions>> _configure = [];
    private readonly List<Action<IServiceCollection>> _configureServices = [];
    // Null until WithStubs: a List<Action<WireMockServer>> made in the constructor loaded WireMock (and netstandard)
    // into every test process, stubs or not (issue 17, cold start).
    private List<Action<WireMockServer>>? _stubSetups;
    private string? _stubMappings;
    private bool _stubs;
    private bool _requestLog;

    public FakeAuthServerFactory(DateTimeOffset? clockStart = null)
    {
        Clock = new FakeTimeProvider(clockStart ?? DefaultStart);
    }

    /// <summary>The server's clock: advance it to expire sessions without waiting.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>
    /// The OpenID Connect provider's token maker: <c>Tokens.CreateAccessToken("alice", ["orders.read"])</c> mints a
    /// signed access token without a login (with a <see cref="TokenFlaw"/> for negative tests); <c>Tokens.Issuer</c>
    /// is the authority to give an app's JwtBearer handler.
    /// </summary>
    public JwtTokens Tokens => Services.GetRequiredService<JwtTokens>();

    /// <summary>A new current signing key (the old one stays in the JWKS for its grace period); returns its kid.</summary>
    public string RotateSigningKey() => Services.GetRequiredService<SigningKeys>().Rotate();

    /// <summary>
    /// /flaky starts again: its fail_first counters and seeded sequences forget earlier requests (the rest of the
    /// server's state stays). The admin API's POST /_admin/flaky/reset does the same over HTTP.
    /// </summary>
    public async Task ResetFlakyAsync(CancellationToken cancellationToken = default) =>
        await Services.GetRequiredService<FakeAuthServer.Flaky.FlakyDice>().ResetAsync(cancellationToken);

    /// <summary>The server's session store, for assertions on server-side state.</summary>
    public ISessionStore Sessions => Services.GetRequiredService<ISessionStore>();

    public FakeAuthServerFactory Configure(Action<FakeAuthOptions> configure)
    {
        _configure.Add(configure);
        return this;
    }

    /// <summary>Any other service change, e.g. <c>s =&gt; s.PostConfigure&lt;SomeOptions&gt;(…)</c>, applied after the server's own.</summary>
    public FakeAuthServerFactory ConfigureServices(Action<IServiceCollection> configure)
    {
        _configureServices.Add(configure);
        return this;
    }

    /// <summary>
    /// Minimal-API routes of your own beside the fake's, behind its logins when asked:
    /// <code>
    /// server.WithRoutes(e =&gt; e.MapGet("/account/orders", (AuthenticatedCaller c) =&gt; new { user = c.User }).RequireSession());
    /// </code>
    /// <c>.RequireSession()</c> and <c>.RequireBearer(scope: "…")</c> come from <see cref="GuardConventions"/>.
    /// </summary>
    public FakeAuthServerFactory WithRoutes(Action<IEndpointRouteBuilder> map) =>
        ConfigureServices(s => s.AddSingleton(new AdditionalRoutes(map)));

    /// <summary>
    /// WireMock.Net stubs answer whatever no fake route does, behind the guards given per path prefix:
    /// <code>
    /// server.WithStubs(wm =&gt; wm.Given(Request.Create().WithPath("/account/orders")).RespondWith(Response.Create().WithBodyAsJson(…)),
    ///                  guards =&gt; guards.Session("/account").Bearer("/v1", scope: "invoices.read"));
    /// </code>
    /// The stub sees the caller as <c>X-FakeAuth-User</c> (and <c>X-FakeAuth-Client</c>, <c>X-FakeAuth-Scope</c> for tokens).
    /// </summary>
    public FakeAuthServerFactory WithStubs(Action<WireMockServer> configure, Action<StubGuards>? guards = null)
    {
        _stubs = true;
        (_stubSetups ??= []).Add(configure);
        return WithStubGuards(guards);
    }

    /// <summary>As <see cref="WithStubs"/>, from a folder of WireMock static mapping files; a bad file fails the start with <see cref="StubMappingException"/>.</summary>
    public FakeAuthServerFactory WithStubMappings(string mappingsFolder, Action<StubGuards>? guards = null)
    {
        _stubs = true;
        _stubMappings = mappingsFolder;
        return WithStubGuards(guards);
    }

    /// <summary>One guard as FakeAuth:Stubs:Guards writes it: <c>WithStubGuard("/v1", "bearer:invoices.read")</c>; checked at start.</summary>
    public FakeAuthServerFactory WithStubGuard(string pathPrefix, string rule) =>
        ConfigureServices(s => s.PostConfigure<StubOptions>(o => o.Guards[pathPrefix] = rule));

    /// <summary>The running WireMock stubs (after <c>WithStubs</c>), e.g. for <c>Stubs.WireMock.LogEntries</c>.</summary>
    public StubServer Stubs => Services.GetRequiredService<StubServer>();

    private FakeAuthServerFactory WithStubGuards(Action<StubGuards>? guards) =>
        guards is null ? this : ConfigureServices(s => s.PostConfigure<StubOptions>(o => guards(new StubGuards(o))));

    public FakeAuthServerFactory WithUser(string username, string password) =>
        Configure(o => o.Users[username] = password);

    /// <summary>Replaces every configured user with these.</summary>
    public FakeAuthServerFactory WithOnlyUsers(IReadOnlyDictionary<string, string> users) =>
        Configure(o => o.Users = new Dictionary<string, string>(users, StringComparer.Ordinal));

    /// <summary>Claims the OpenID Connect provider states about <paramref name="user"/> (id_token, userinfo, JWT access tokens).</summary>
    public FakeAuthServerFactory WithClaims(string user, IReadOnlyDictionary<string, string> claims) =>
        Configure(o => o.Claims[user] = new Dictionary<string, string>(claims, StringComparer.Ordinal));

    /// <summary>
    /// Registers (or replaces) an OAuth / OpenID Connect client: typically the app under test, with its redirect and
    /// post-logout URIs, scopes and audience.
    /// </summary>
    public FakeAuthServerFactory WithClient(string clientId, OAuthClient client)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(client);
        return ConfigureServices(s => s.PostConfigure<OAuthOptions>(o => o.Clients[clientId] = client));
    }

    public FakeAuthServerFactory WithSessionLifetime(TimeSpan lifetime) => Configure(o => o.SessionLifetime = lifetime);

    /// <summary>
    /// Writes the server's log (one line per request, warnings) to the console; by default an in-process server
    /// prints nothing into the test run's output.
    /// </summary>
    public FakeAuthServerFactory WithRequestLog()
    {
        _requestLog = true;
        return this;
    }

    /// <summary>Turns the /_admin API on (it is off by default, as in production).</summary>
    public FakeAuthServerFactory WithAdminApi() => ConfigureServices(s => s.PostConfigure<AdminOptions>(o => o.Enabled = true));

    private sealed class FakeClockAdvance(FakeTimeProvider clock) : IServerClock
    {
        public void Advance(TimeSpan by) => clock.Advance(by);
    }

    public FakeAuthServerFactory WithFlaky(double failureRate, int? seed = null) => Configure(o =>
    {
        o.Flaky.FailureRate = failureRate;
        o.Flaky.Seed = seed;
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The server needs no files (its defaults are embedded), and from a PackageReference there is no project
        // folder for WebApplicationFactory to find: the test's own output folder is the content root.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.ConfigureLogging(logging =>
        {
            // "Now listening on http://localhost:8000" and a line per request are noise in a test run: nothing is bound.
            logging.ClearProviders();
            if (!_requestLog) return;
            logging.AddSimpleConsole(console => console.SingleLine = true);
            logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        });
        builder.ConfigureServices(services =>
        {
            services.AddServerClock(_ => Clock, _ => new FakeClockAdvance(Clock)); // the admin API moves the test's clock
            services.PostConfigure<FakeAuthOptions>(options =>
            {
                foreach (var configure in _configure) configure(options);
            });
            if (_stubs) AddStubs(services);
            foreach (var configure in _configureServices) configure(services);
        });
    }

    // Apart, so a factory without stubs never compiles a method that names WireMock's types.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddStubs(IServiceCollection services) => services.AddStubServer(_ => StubServer.Start(_stubMappings, _stubSetups));
}
