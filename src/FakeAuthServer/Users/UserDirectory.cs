using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using FakeAuthServer.Options;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Users;

/// <summary>
/// The accounts that can log in and the TOTP secrets of those that need a second factor: the configured ones, plus
/// any added while running (through the admin API) until <see cref="Reset"/>.
/// </summary>
public sealed class UserDirectory(IOptions<FakeAuthOptions> options)
{
    private readonly ConcurrentDictionary<string, string> _users = new(options.Value.Users, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _totpSecrets = new(options.Value.TwoFactor, StringComparer.Ordinal);

    public IReadOnlyCollection<string> UserNames => _users.Keys.Order(StringComparer.Ordinal).ToList();

    public IReadOnlyDictionary<string, string> Snapshot => new Dictionary<string, string>(_users, StringComparer.Ordinal);

    public bool Exists(string user) => _users.ContainsKey(user);

    /// <summary>The user's Base32 TOTP secret; null when the user has no second factor.</summary>
    public string? TotpSecretOf(string user) => _totpSecrets.TryGetValue(user, out var secret) ? secret : null;

    public void AddOrReplace(string user, string password) => _users[user] = password;

    /// <summary>Gives the user a second factor (a validated Base32 secret), or takes it away with null.</summary>
    public void SetTotpSecret(string user, string? base32Secret)
    {
        if (base32Secret is null) _totpSecrets.TryRemove(user, out _);
        else _totpSecrets[user] = base32Secret;
    }

    /// <summary>Back to the configured users and secrets.</summary>
    public void Reset()
    {
        _users.Clear();
        foreach (var (user, password) in options.Value.Users) _users[user] = password;
        _totpSecrets.Clear();
        foreach (var (user, secret) in options.Value.TwoFactor) _totpSecrets[user] = secret;
    }

    /// <summary>Compares in constant time, so the fake server does not teach timing leaks.</summary>
    public bool Verify(string user, string password)
    {
        if (!_users.TryGetValue(user, out var expected)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(password));
    }
}
