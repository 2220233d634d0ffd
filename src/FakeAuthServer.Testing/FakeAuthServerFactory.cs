using FakeAuthServer.Admin;
using FakeAuthServer.Auth.Oidc;
using FakeAuthServer.Clock;
using FakeAuthServer.Options;
using FakeAuthServer.Sessions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

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

    public FakeAuthServerFactory WithUser(string username, string password) =>
        Configure(o => o.Users[username] = password);

    /// <summary>Replaces every configured user with these.</summary>
    public FakeAuthServerFactory WithOnlyUsers(IReadOnlyDictionary<string, string> users) =>
        Configure(o => o.Users = new Dictionary<string, string>(users, StringComparer.Ordinal));

    /// <summary>Claims the OpenID Connect provider states about <paramref name="user"/> (id_token, userinfo, JWT access tokens).</summary>
    public FakeAuthServerFactory WithClaims(string user, IReadOnlyDictionary<string, string> claims) =>
        Configure(o => o.Claims[user] = new Dictionary<string, string>(claims, StringComparer.Ordinal));

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
            foreach (var configure in _configureServices) configure(services);
        });
    }
}
