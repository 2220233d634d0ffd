using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using FakeAuthServer.Options;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Users;

/// <summary>The accounts that can log in: the configured ones, plus any added while running.</summary>
public sealed class UserDirectory(IOptions<FakeAuthOptions> options)
{
    private readonly ConcurrentDictionary<string, string> _users = new(options.Value.Users, StringComparer.Ordinal);

    public IReadOnlyCollection<string> UserNames => _users.Keys.Order(StringComparer.Ordinal).ToList();

    public IReadOnlyDictionary<string, string> Snapshot => new Dictionary<string, string>(_users, StringComparer.Ordinal);

    public void AddOrReplace(string user, string password) => _users[user] = password;

    /// <summary>Compares in constant time, so the fake server does not teach timing leaks.</summary>
    public bool Verify(string user, string password)
    {
        if (!_users.TryGetValue(user, out var expected)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(password));
    }
}
