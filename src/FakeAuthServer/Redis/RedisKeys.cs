using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>Every key the server writes, under one prefix; the only place key names are spelled.</summary>
public sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    public RedisKey Session(string id) => Prefix + "session:" + id;
    public RedisKey Token(string hashedValue) => Prefix + "token:" + hashedValue;
    public RedisKey TokenFamily(string family) => Prefix + "family:" + family;
    public RedisKey LockoutFailures(string user) => Prefix + "lockout:failures:" + user;
    public RedisKey LockoutUntil(string user) => Prefix + "lockout:until:" + user;
    public RedisKey FailFirst(string client, int failures) => Prefix + "failfirst:" + failures + ":" + client;
    public RedisKey PendingLogin(string id) => Prefix + "pending:" + id;
    public RedisKey TotpStep(string user) => Prefix + "totp:" + user;
    public RedisKey ClockOffset => Prefix + "clock:offset-ticks";
    public RedisKey CsrfKey => Prefix + "csrf:key";

    /// <summary>A SCAN pattern for one kind of key (the admin reset's view).</summary>
    public string Pattern(string kind) => Prefix + kind + "*";
}
