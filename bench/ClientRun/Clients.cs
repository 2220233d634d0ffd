using System.Net;
using SessionClient;

namespace SessionKit.ClientRun;

/// <summary>One client under test: a form login, then GETs whose body is read and whose status must be 200.</summary>
internal interface IClient : IAsyncDisposable
{
    Task LoginAsync(string user, string password);
    Task GetAsync(string path);
}

internal static class Check
{
    public static async Task ReadOkAsync(HttpResponseMessage response, string what)
    {
        using (response)
        {
            await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}, expected 200");
        }
    }

    public static FormUrlEncodedContent Credentials(string user, string password) =>
        new([new("username", user), new("password", password)]);
}

/// <summary>SessionClient's HttpSession with its own pooled SocketsHttpHandler (the default constructor).</summary>
internal sealed class SessionClientUnderTest(Uri baseUrl) : IClient
{
    private readonly HttpSession _session = new() { BaseAddress = baseUrl };

    public async Task LoginAsync(string user, string password) =>
        await Check.ReadOkAsync(await _session.PostFormAsync("/api/login", [new("username", user), new("password", password)]), "login");

    public async Task GetAsync(string path) => await Check.ReadOkAsync(await _session.GetAsync(path), path);

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}

/// <summary>The baseline: HttpClient over a SocketsHttpHandler whose CookieContainer carries the session cookie.</summary>
internal sealed class RawClientUnderTest(Uri baseUrl) : IClient
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true })
        { BaseAddress = baseUrl };

    public async Task LoginAsync(string user, string password) =>
        await Check.ReadOkAsync(await _client.PostAsync("/api/login", Check.Credentials(user, password)), "login");

    public async Task GetAsync(string path) => await Check.ReadOkAsync(await _client.GetAsync(path), path);

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
