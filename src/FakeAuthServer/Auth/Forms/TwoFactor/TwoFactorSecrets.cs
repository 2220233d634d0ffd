using FakeAuthServer.Options;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Forms.TwoFactor;

/// <summary>The decoded TOTP secret of each user configured under FakeAuth:TwoFactor (validated at start).</summary>
internal sealed class TwoFactorSecrets(IOptions<FakeAuthOptions> options)
{
    private readonly Dictionary<string, byte[]> _secrets = options.Value.TwoFactor.ToDictionary(
        p => p.Key, p => Base32.Decode(p.Value), StringComparer.Ordinal);

    public bool TryGet(string user, out byte[] secret) => _secrets.TryGetValue(user, out secret!);
}
