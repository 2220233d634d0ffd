using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SessionKit.Tests.Integration.Standalone;

namespace SessionKit.Tests.Integration.Redis;

/// <summary>
/// One standalone FakeAuthServer with FakeAuth:Store=redis and the admin API on, plus a plain HttpClient (no cookie
/// jar, no redirects): the tests carry cookies by hand, so every hop to another instance is explicit.
/// </summary>
public sealed class SharedStateInstance : IAsyncDisposable
{
    private readonly StandaloneServer _server;

    private SharedStateInstance(StandaloneServer server)
    {
        _server = server;
        Http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = server.BaseAddress,
        };
    }

    public HttpClient Http { get; }
    public string Output => _server.Output;

    public static async Task<SharedStateInstance> StartAsync(RedisServer redis, string keyPrefix, params string[] moreArgs) =>
        new(await StandaloneServer.StartAsync([.. Args(redis.Configuration, keyPrefix), .. moreArgs]));

    public static string[] Args(string redisConfiguration, string keyPrefix) =>
    [
        "--admin", "--FakeAuth:Store=redis", $"--FakeAuth:Redis:Configuration={redisConfiguration}",
        $"--FakeAuth:Redis:KeyPrefix={keyPrefix}", "--FakeAuth:LogRequests=false",
        "--FakeAuth:Users:carol=tango", $"--FakeAuth:TwoFactor:carol={CarolTotpSecret}",
    ];

    /// <summary>carol (password tango) has a TOTP secret, so her logins need a code.</summary>
    public const string CarolTotpSecret = "JBSWY3DPEHPK3PXP";

    /// <summary>POST /api/login as alice; the user_id cookie it sets, as "user_id=…".</summary>
    public async Task<string> LoginAsync(string password = "wonderland")
    {
        using var response = await PostFormAsync("/api/login", [new("username", "alice"), new("password", password)]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return SessionCookieOf(response);
    }

    /// <summary>POST /api/auth/login (JSON): the answer as it came, tokens, a ticket or a refusal.</summary>
    public Task<HttpResponseMessage> TokenLoginAsync(string user, string password) =>
        Http.PostAsJsonAsync("/api/auth/login", new { username = user, password });

    /// <summary>The access token an accepted token login answered with.</summary>
    public static async Task<string> AccessTokenOf(HttpResponseMessage login) =>
        (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;

    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> form, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return await Http.SendAsync(request);
    }

    public async Task<HttpStatusCode> StatusOfAsync(string path, string? cookie = null, string? clientId = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (bearer is not null) request.Headers.Add("Authorization", $"Bearer {bearer}");
        if (clientId is not null) request.Headers.Add("X-Client-Id", clientId);
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    public static string SessionCookieOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("user_id=", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _server.DisposeAsync();
    }
}
