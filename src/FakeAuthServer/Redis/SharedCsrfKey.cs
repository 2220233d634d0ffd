using FakeAuthServer.Auth.Forms;
using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>The first instance to start writes a random CSRF key (SET NX); every instance, restarted ones too, reads that one.</summary>
internal static class SharedCsrfKey
{
    public static CsrfKey Load(IConnectionMultiplexer redis, RedisKeys keys)
    {
        var db = redis.GetDatabase();
        db.StringSet(keys.CsrfKey, CsrfKey.NewRandom().Bytes, when: When.NotExists);
        byte[]? bytes = db.StringGet(keys.CsrfKey);
        // Someone else's value under our key (a prefix shared by mistake): replace it rather than fail every login form.
        if (bytes is not { Length: CsrfKey.Length })
        {
            bytes = CsrfKey.NewRandom().Bytes;
            db.StringSet(keys.CsrfKey, bytes);
        }
        return new CsrfKey(bytes);
    }
}
