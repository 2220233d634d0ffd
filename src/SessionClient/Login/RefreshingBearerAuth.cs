using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace SessionClient;

/// <summary>
/// What every token-based login shares: the access token sent as Bearer, obtained on first use, refreshed
/// <see cref="RefreshBefore"/> its expiry on the session's clock (or obtained afresh when refresh is refused),
/// and one login or refresh for concurrent requests. Subclasses say how tokens are obtained and refreshed.
/// Like every login helper it takes the session when it runs, so one object serves as <c>session.Auth</c> and as a
/// <see cref="ReloginPolicy"/> flow (a re-login fetches new tokens); it keeps one set of tokens, so give each
/// session its own.
/// </summary>
public abstract class RefreshingBearerAuth : IAuthenticator, ILoginFlow
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TokenSet? _tokens;
    private DateTimeOffset _expiresAt;

    /// <summary>The token requests themselves must not go through this authenticator.</summary>
    protected static readonly RequestOptions Anonymous = new() { Auth = NoAuth.Instance };

    /// <summary>Refresh this long before the access token expires.</summary>
    public TimeSpan RefreshBefore { get; init; } = TimeSpan.FromSeconds(30);

    public string? AccessToken => _tokens?.AccessToken;

    public async ValueTask ApplyAsync(HttpRequestMessage request, HttpSession session, CancellationToken cancellationToken)
    {
        if (!IsFresh(session))
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (!IsFresh(session)) await ObtainAsync(session, cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens!.AccessToken);
    }

    /// <summary>Logs in afresh now (the <see cref="ILoginFlow"/> face, e.g. a re-login after a 401).</summary>
    public async Task LoginAsync(HttpSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _tokens = null;
            await ObtainAsync(session, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the tokens, so the next request logs in again (e.g. after a 401).</summary>
    public void Invalidate() => _tokens = null;

    /// <summary>The first tokens: a response whose JSON carries access_token (expires_in, refresh_token optional).</summary>
    protected abstract Task<HttpResponseMessage> RequestTokensAsync(HttpSession session, CancellationToken cancellationToken);

    /// <summary>New tokens for a refresh token; null when this login cannot refresh.</summary>
    protected abstract Task<HttpResponseMessage>? RefreshAsync(HttpSession session, string refreshToken, CancellationToken cancellationToken);

    /// <summary>A description for error messages (never a secret).</summary>
    protected abstract string Describe();

    /// <summary>Reads a token response; subclasses with an extra step (2FA) override it.</summary>
    protected virtual async Task<TokenSet> ReadTokensAsync(HttpSession session, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
            throw new LoginFailedException($"{Describe()} answered {(int)response.StatusCode}.", (int)response.StatusCode);
        return Validated(await response.Content.ReadFromJsonAsync<TokenSet>(cancellationToken), response);
    }

    protected TokenSet Validated(TokenSet? tokens, HttpResponseMessage response) => tokens?.AccessToken is null
        ? throw new LoginFailedException($"{Describe()} answered without an access_token.", (int)response.StatusCode)
        : tokens;

    private bool IsFresh(HttpSession session) => _tokens is not null && session.TimeProvider.GetUtcNow() < _expiresAt - RefreshBefore;

    private async Task ObtainAsync(HttpSession session, CancellationToken cancellationToken)
    {
        var now = session.TimeProvider.GetUtcNow();
        var response = _tokens?.RefreshToken is { } refresh && RefreshAsync(session, refresh, cancellationToken) is { } refreshing
            ? await refreshing : null;
        if (response is not { IsSuccessStatusCode: true }) response = await RequestTokensAsync(session, cancellationToken); // refresh refused: start over
        var tokens = await ReadTokensAsync(session, response, cancellationToken);
        _expiresAt = now + TimeSpan.FromSeconds(tokens.ExpiresIn > 0 ? tokens.ExpiresIn : 3600);
        _tokens = tokens;
    }

    /// <summary>An OAuth2 token response (RFC 6749 §5.1), plus the fake server's 2FA fields.</summary>
    protected sealed record TokenSet(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("two_factor_required")] bool TwoFactorRequired = false,
        [property: JsonPropertyName("login_ticket")] string? LoginTicket = null);
}
