using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FakeAuthServer.Testing;

namespace SessionKit.Tests.Integration.Stubs;

/// <summary>A fresh in-process server per test (clock advances and lockouts stay in their test), and the logins in front of it.</summary>
public abstract class StubTestBase
{
    protected FakeAuthServerFactory Server { get; private set; } = null!;

    /// <summary>Keeps cookies, like a requests.Session.</summary>
    protected HttpClient Client { get; private set; } = null!;

    protected abstract FakeAuthServerFactory CreateServer();

    [SetUp]
    public void StartServer()
    {
        Server = CreateServer();
        Client = Server.CreateClient();
    }

    [TearDown]
    public async Task StopServer()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    protected async Task LogInAsync(string username = "some_name", string password = "pass")
    {
        var login = await Client.PostAsync("/api/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username,
            ["password"] = password,
        }));
        login.EnsureSuccessStatusCode();
    }

    /// <summary>An access token from /api/auth/login, with the scopes asked for.</summary>
    protected async Task<string> AccessTokenAsync(string scope = "")
    {
        var response = await Client.PostAsJsonAsync("/api/auth/login", new { username = "some_name", password = "pass", scope });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    protected Task<HttpResponseMessage> GetWithTokenAsync(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Client.SendAsync(request);
    }
}
