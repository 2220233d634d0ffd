using System.Net.Http.Headers;
using System.Text;

namespace SessionClient;

/// <summary>HTTP Basic credentials (RFC 7617), UTF-8 encoded.</summary>
public sealed class BasicAuth(string username, string password) : IAuthenticator
{
    private readonly AuthenticationHeaderValue _header =
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));

    public string Username { get; } = username;

    public ValueTask ApplyAsync(HttpRequestMessage request, HttpSession session, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _header;
        return ValueTask.CompletedTask;
    }

    public override string ToString() => $"BasicAuth({Username}, ***)";
}
