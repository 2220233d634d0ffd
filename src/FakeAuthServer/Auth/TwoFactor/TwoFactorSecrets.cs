using FakeAuthServer.Users;

namespace FakeAuthServer.Auth.TwoFactor;

/// <summary>
/// The decoded TOTP secret of a user: those configured under FakeAuth:TwoFactor (validated at start) and those given
/// through POST /_admin/users (validated there), as the <see cref="UserDirectory"/> holds them now.
/// </summary>
internal sealed class TwoFactorSecrets(UserDirectory users)
{
    public bool TryGet(string user, out byte[] secret)
    {
        secret = users.TotpSecretOf(user) is { } base32 ? Base32.Decode(base32) : [];
        return secret.Length > 0;
    }
}
