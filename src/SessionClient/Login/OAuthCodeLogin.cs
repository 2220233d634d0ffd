using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Web;

namespace SessionClient;

/// <summary>
/// OAuth2 authorization code with PKCE (RFC 6749 §4.1, RFC 7636 S256) as a bearer authenticator: authorizes as the
/// user (HTTP Basic at the authorize endpoint, as a test IdP accepts), checks state, exchanges the code with the
/// verifier, and refreshes with the refresh_token grant.
/// </summary>
public sealed class OAuthCodeLogin(string authorizeUrl, string tokenUrl, string clientId, string redirectUri,
    string username, string password) : RefreshingBearerAuth
{
    public string? Scope { get; init; }

    /// <summary>For confidential clients; public clients rely on PKCE alone.</summary>
    public string? ClientSecret { get; init; }

    protected override async Task<HttpResponseMessage> RequestTokensAsync(HttpSession session, CancellationToken cancellationToken)
    {
        var verifier = Pkce.NewVerifier();
        var state = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["state"] = state,
            ["code_challenge"] = Pkce.S256Challenge(verifier), ["code_challenge_method"] = "S256",
        };
        if (Scope is not null) query["scope"] = Scope;

        var url = authorizeUrl + (authorizeUrl.Contains('?') ? "&" : "?") +
                  string.Join("&", query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value!)}"));
        using var authorize = await session.GetAsync(url,
            new RequestOptions { Auth = new BasicAuth(username, password), AllowRedirects = false }, cancellationToken);
        var location = authorize.Headers.Location?.ToString();
        if (authorize.StatusCode is not (HttpStatusCode.Found or HttpStatusCode.SeeOther) || location is null ||
            !location.StartsWith(redirectUri, StringComparison.Ordinal))
            throw new LoginFailedException($"Authorizing '{username}' for {clientId} answered {(int)authorize.StatusCode} without a redirect to the client.",
                (int)authorize.StatusCode);

        var answer = HttpUtility.ParseQueryString(new Uri(location).Query);
        if (answer["error"] is { } error)
            throw new LoginFailedException($"Authorizing '{username}' for {clientId} was refused: {error}.", (int)authorize.StatusCode);
        if (answer["state"] != state) throw new LoginFailedException("The authorization answer carried another state: refused.");

        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = answer["code"] ?? throw new LoginFailedException("The authorization answer carried no code."), ["redirect_uri"] = redirectUri,
            ["client_id"] = clientId, ["code_verifier"] = verifier,
        };
        if (ClientSecret is not null) form["client_secret"] = ClientSecret;
        return await session.PostFormAsync(tokenUrl, form, Anonymous, cancellationToken);
    }

    protected override Task<HttpResponseMessage>? RefreshAsync(HttpSession session, string refreshToken, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = clientId };
        if (ClientSecret is not null) form["client_secret"] = ClientSecret;
        return session.PostFormAsync(tokenUrl, form, Anonymous, cancellationToken);
    }

    protected override string Describe() => $"OAuth login as '{username}' for {clientId} at {tokenUrl}";
}
