using System.Net.Http.Headers;

namespace SessionClient;

/// <summary>A bearer token (RFC 6750) sent as <c>Authorization: Bearer …</c>.</summary>
public sealed class BearerToken(string token) : IAuthenticator
{
    private readonly AuthenticationHeaderValue _header = new("Bearer", token);

    public ValueTask ApplyAsync(HttpRequestMessage request, HttpSession session, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _header;
        return ValueTask.CompletedTask;
    }

    public override string ToString() => "BearerToken(***)";
}
