using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Auth.TwoFactor;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Tokens;

/// <summary>
/// A password login that ends in tokens (/api/auth/login): <see cref="LoginGuard"/>'s decision, then an access token
/// and a refresh token, except for a user with TOTP, whose right password is half a login (no tokens; the endpoint
/// hands out a ticket). A right password costs one call to a store that can take the whole login at once (Redis: one
/// script, issue 17), else the lockout store's and the token store's calls in turn.
/// </summary>
internal sealed class TokenLogin(LoginGuard guard, ITokenStore store, TokenIssuer issuer, TwoFactorSecrets secrets,
    IOptions<TokenOptions> options)
{
    /// <summary>The guard's outcome, and the tokens when it accepted a user without TOTP.</summary>
    public async Task<(LoginOutcome Outcome, TokenResponse? Tokens)> AttemptAsync(string user, string password, TokenGrant grant,
        CancellationToken cancellationToken)
    {
        if (store is IOneStepTokenLogin oneStep && (guard.JudgesInOneStep || !guard.Options.Enabled))
        {
            var (accepted, then) = guard.Judge(user, password);
            if (!accepted || secrets.TryGet(user, out _))
                return (await guard.DecideJudgedAsync(user, accepted, then, cancellationToken), null);
            var attempt = guard.Options.Enabled ? new JudgedAttempt(user, then, guard.Options) : null;
            var (wait, pair) = await oneStep.IssueUnlessLockedAsync(grant, options.Value.AccessTokenLifetime,
                options.Value.RefreshTokenLifetime, attempt, cancellationToken);
            if (wait is { } left) return (new(LoginResult.LockedOut, left), null);
            return (new(LoginResult.Accepted), issuer.Respond(grant, pair!.Value.Access, pair.Value.Refresh));
        }

        var outcome = await guard.AttemptAsync(user, password, cancellationToken);
        if (!outcome.Accepted || secrets.TryGet(user, out _)) return (outcome, null);
        return (outcome, await issuer.IssueAsync(grant, withRefreshToken: true, cancellationToken));
    }
}
