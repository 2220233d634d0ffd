using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace SessionClient;

/// <summary>
/// Bearer-token auth that logs itself in (JSON username/password → access and refresh tokens) on first use and
/// refreshes shortly before the access token expires, judged on the session's clock. Concurrent requests share one
/// login or refresh. Set it as <c>session.Auth</c>.
/// </summary>
public sealed class TokenLogin(HttpSession session, string loginUrl, string username, string password) : IAuthenticator
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TokenResponse? _tokens;
    private DateTimeOffset _expiresAt;

    /// <summary>Where refresh tokens are exchanged; null to log in again instead.</summary>
    public string? RefreshUrl { get; init; }

    /// <summary>Where a login answered with two_factor_required sends {login_ticket, code}.</summary>
    public string? TwoFactorUrl { get; init; }

    /// <summary>Answers the second factor (e.g. from <see cref="Totp"/>).</summary>
    public Func<CancellationToken, ValueTask<string>>? TwoFactorCode { get; init; }

    /// <summary>Refresh this long before the access token expires.</summary>
    public TimeSpan RefreshBefore { get; init; } = TimeSpan.FromSeconds(30);

    public string? AccessToken => _tokens?.AccessToken;

    public async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!IsFresh())
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (!IsFresh()) await ObtainAsync(cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens!.AccessToken);
    }

    /// <summary>Forgets the tokens, so the next request logs in again (e.g. after a 401).</summary>
    public void Invalidate() => _tokens = null;

    private bool IsFresh() => _tokens is not null && session.TimeProvider.GetUtcNow() < _expiresAt - RefreshBefore;

    private async Task ObtainAsync(CancellationToken cancellationToken)
    {
        var now = session.TimeProvider.GetUtcNow();
        HttpResponseMessage response;
        if (_tokens?.RefreshToken is { } refresh && RefreshUrl is not null)
        {
            response = await session.PostJsonAsync(RefreshUrl, new { refresh_token = refresh }, Anonymous, cancellationToken);
            if (!response.IsSuccessStatusCode) response = await LogInAsync(cancellationToken); // refresh refused: start over
        }
        else
        {
            response = await LogInAsync(cancellationToken);
        }
        if (!response.IsSuccessStatusCode)
            throw new LoginFailedException($"Token login as '{username}' at {loginUrl} answered {(int)response.StatusCode}.", (int)response.StatusCode);

        var tokens = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        if (tokens is { TwoFactorRequired: true, LoginTicket: { } ticket })
        {
            if (TwoFactorUrl is null || TwoFactorCode is null)
                throw new LoginFailedException($"The login as '{username}' asks for a second factor; set TwoFactorUrl and TwoFactorCode.");
            response = await session.PostJsonAsync(TwoFactorUrl, new { login_ticket = ticket, code = await TwoFactorCode(cancellationToken) },
                Anonymous, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new LoginFailedException($"The second factor for '{username}' was refused: {(int)response.StatusCode}.", (int)response.StatusCode);
            tokens = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        }
        if (tokens?.AccessToken is null)
            throw new LoginFailedException($"Token login at {loginUrl} answered without an access_token.", (int)response.StatusCode);
        _expiresAt = now + TimeSpan.FromSeconds(tokens.ExpiresIn > 0 ? tokens.ExpiresIn : 3600);
        _tokens = tokens;
    }

    private Task<HttpResponseMessage> LogInAsync(CancellationToken cancellationToken) =>
        session.PostJsonAsync(loginUrl, new { username, password }, Anonymous, cancellationToken);

    // The token requests themselves must not go through this authenticator.
    private static readonly RequestOptions Anonymous = new() { Auth = NoAuth.Instance };

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("two_factor_required")] bool TwoFactorRequired = false,
        [property: JsonPropertyName("login_ticket")] string? LoginTicket = null);
}
