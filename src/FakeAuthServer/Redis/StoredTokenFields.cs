using FakeAuthServer.Auth.Tokens;
using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>A <see cref="StoredToken"/> as the fields of a Redis hash, and back.</summary>
internal static class StoredTokenFields
{
    public static IEnumerable<RedisValue> Write(StoredToken token)
    {
        IEnumerable<(string Name, RedisValue Value)> fields =
        [
            ("kind", (int)token.Kind),
            ("user", token.Grant.Username),
            ("client", token.Grant.ClientId),
            ("scope", token.Grant.Scope),
            ("family", token.Grant.Family),
            ("issued", token.IssuedAt.UtcTicks),
            ("expires", token.ExpiresAt.UtcTicks),
            ("redeemed", 0),
        ];
        if (token.Code is { } code)
            fields = fields.Concat([("redirect", code.RedirectUri), ("redirect_sent", code.RedirectUriWasSent ? 1 : 0),
                ("challenge", code.CodeChallenge), ("nonce", code.Nonce),
                ("auth_time", code.AuthTime is { } authTime ? authTime.UtcTicks : RedisValue.Null)]);
        // A null (no user for client_credentials, no client for /api/auth/login) is left out, and read back as null.
        return fields.Where(f => !f.Value.IsNull).SelectMany(f => new[] { (RedisValue)f.Name, f.Value });
    }

    public static (StoredToken Token, bool Redeemed)? Read(HashEntry[] entries)
    {
        if (entries.Length == 0) return null;
        var fields = entries.ToDictionary(e => e.Name.ToString(), e => e.Value);
        RedisValue Get(string name) => fields.TryGetValue(name, out var value) ? value : RedisValue.Null;

        if (Get("scope").IsNull || Get("family").IsNull || Get("expires").IsNull || Get("kind").IsNull) return null;
        var grant = new TokenGrant(Get("user"), Get("client"), Get("scope")!, Get("family")!);
        var code = Get("challenge").IsNull
            ? null
            : new CodeBinding(Get("redirect")!, (int)Get("redirect_sent") == 1, Get("challenge")!, Get("nonce"))
            {
                AuthTime = Get("auth_time").IsNull ? null : new DateTimeOffset((long)Get("auth_time"), TimeSpan.Zero),
            };
        var token = new StoredToken((TokenKind)(int)Get("kind"), grant, new((long)Get("issued"), TimeSpan.Zero),
            new((long)Get("expires"), TimeSpan.Zero), code);
        return (token, (long)Get("redeemed") > 0);
    }
}
