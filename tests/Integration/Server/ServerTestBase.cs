using System.Net.Http.Json;
using System.Text.Json;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SessionKit.Tests.Integration.Server;

/// <summary>A fresh in-process server per fixture, and a raw client that neither keeps cookies nor follows redirects.</summary>
public abstract class ServerTestBase
{
    protected FakeAuthServerFactory Server { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Override to configure the server before it starts.</summary>
    protected virtual FakeAuthServerFactory CreateServer() => new();

    [OneTimeSetUp]
    public void StartServer()
    {
        Server = CreateServer();
        Client = NewClient();
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    protected HttpClient NewClient() =>
        Server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    protected Task<HttpResponseMessage> LoginAsync(string username = "some_name", string password = "pass") =>
        Client.PostAsync("/api/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username,
            ["password"] = password,
        }));

    /// <summary>The user_id value from a login response's Set-Cookie.</summary>
    protected static string SessionIdFrom(HttpResponseMessage response)
    {
        var header = response.Headers.GetValues("Set-Cookie").Single(h => h.StartsWith("user_id=", StringComparison.Ordinal));
        return header["user_id=".Length..header.IndexOf(';')];
    }

    protected Task<HttpResponseMessage> GetWithCookieAsync(string path, string cookieHeader)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
        return Client.SendAsync(request);
    }

    protected static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
