namespace FakeAuthServer.Auth.TwoFactor;

/// <summary>
/// Password logins waiting for their TOTP code: in memory by default (<see cref="PendingLogins"/>), in Redis when
/// instances share state, so the password can go to one instance and the code to another.
/// </summary>
public interface IPendingLogins
{
    ValueTask<PendingLogin> CreateAsync(string user, string next, CancellationToken cancellationToken = default);

    /// <summary>The live pending login with this id; null when unknown or expired.</summary>
    ValueTask<PendingLogin?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Counts a wrong code; true when the pending login has used up its <see cref="PendingLogins.MaxAttempts"/>.</summary>
    ValueTask<bool> FailAndExhaustedAsync(PendingLogin login, CancellationToken cancellationToken = default);

    /// <summary>True for the one caller that removes it, so a code cannot complete the same pending login twice.</summary>
    ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default);
}
