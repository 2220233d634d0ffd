using FakeAuthServer.Auth.Lockout;

namespace FakeAuthServer.Auth.Tokens;

/// <summary>
/// A token store that can take the rest of an accepted password login in one call: with lockout on, the lock check
/// and the attempt's consequence; then an access token and a refresh token, stamped with the server time of that same
/// call. The Redis store does it in one script; <see cref="TokenLogin"/> uses it with the same outcomes as the lockout
/// store and <see cref="ITokenStore.AddAsync"/> called in turn.
/// </summary>
internal interface IOneStepTokenLogin
{
    /// <summary>
    /// The lock left at the server time (nothing changed then), else the two token values, with the attempt's
    /// consequence applied. <paramref name="attempt"/> is null when lockout is off: the tokens only.
    /// </summary>
    ValueTask<(TimeSpan? LockedFor, IssuedPair? Tokens)> IssueUnlessLockedAsync(TokenGrant grant, TimeSpan accessLifetime,
        TimeSpan refreshLifetime, JudgedAttempt? attempt, CancellationToken cancellationToken = default);
}

/// <summary>A password attempt <see cref="LoginGuard"/> has judged, for a store to decide against the user's lock.</summary>
internal sealed record JudgedAttempt(string User, AttemptConsequence Then, LockoutOptions Options);

/// <summary>An access token and a refresh token, as handed to the client (their only copies).</summary>
internal readonly record struct IssuedPair(string Access, string Refresh);
