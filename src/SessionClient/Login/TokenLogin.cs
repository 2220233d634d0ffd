using System.Net.Http.Json;

namespace SessionClient;

/// <summary>
/// Bearer-token auth that logs itself in (JSON username/password → access and refresh tokens) on first use, refreshes
/// before expiry and answers a two_factor_required step. Set it as <c>session.Auth</c>, and as the
/// <see cref="ReloginPolicy"/> flow too if a 401 should fetch new tokens.
/// </summary>
public sealed class TokenLogin(string loginUrl, string username, string password) : RefreshingBearerAuth
{
    /// <summary>Where refresh tokens are exchanged; null to log in again instead.</summary>
    public string? RefreshUrl { get; init; }

    /// <summary>Where a login answered with two_factor_required sends {login_ticket, code}.</summary>
    public string? TwoFactorUrl { get; init; }

    /// <summary>Answers the second factor (e.g. from <see cref="Totp"/>).</summary>
    public Func<CancellationToken, ValueTask<string>>? TwoFactorCode { get; init; }

    protected override Task<HttpResponseMessage> RequestTokensAsync(HttpSession session, CancellationToken cancellationToken) =>
        session.PostJsonAsync(loginUrl, new { username, password }, Anonymous, cancellationToken);

    protected override Task<HttpResponseMessage>? RefreshAsync(HttpSession session, string refreshToken, CancellationToken cancellationToken) =>
        RefreshUrl is null ? null : session.PostJsonAsync(RefreshUrl, new { refresh_token = refreshToken }, Anonymous, cancellationToken);

    protected override string Describe() => $"Token login as '{username}' at {loginUrl}";

    protected override async Task<TokenSet> ReadTokensAsync(HttpSession session, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode) return await base.ReadTokensAsync(session, response, cancellationToken);
        var first = await response.Content.ReadFromJsonAsync<TokenSet>(cancellationToken);
        if (first is not { TwoFactorRequired: true, LoginTicket: { } ticket }) return Validated(first, response);

        if (TwoFactorUrl is null || TwoFactorCode is null)
            throw new LoginFailedException($"The login as '{username}' asks for a second factor; set TwoFactorUrl and TwoFactorCode.");
        var second = await session.PostJsonAsync(TwoFactorUrl, new { login_ticket = ticket, code = await TwoFactorCode(cancellationToken) },
            Anonymous, cancellationToken);
        if (!second.IsSuccessStatusCode)
            throw new LoginFailedException($"The second factor for '{username}' was refused: {(int)second.StatusCode}.", (int)second.StatusCode);
        return await base.ReadTokensAsync(session, second, cancellationToken);
    }
}
