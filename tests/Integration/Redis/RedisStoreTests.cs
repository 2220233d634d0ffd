using FakeAuthServer.Auth.Tokens;
using FakeAuthServer.Options;
using FakeAuthServer.Redis;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SessionKit.Tests.Integration.Redis;

/// <summary>
/// The Redis stores on a real redis-server and a fake clock: TTLs follow the server clock, expiry is judged on it,
/// and single-use tokens stay single-use when two processes (two multiplexers) race for them.
/// </summary>
[NonParallelizable]
public class RedisStoreTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private RedisServer _redis = null!;
    private ConnectionMultiplexer _one = null!;
    private ConnectionMultiplexer _two = null!;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private RedisKeys _keys = null!;

    [OneTimeSetUp]
    public async Task StartRedis()
    {
        _redis = await RedisServer.StartAsync();
        _one = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
        _two = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
    }

    [OneTimeTearDown]
    public async Task StopRedis()
    {
        await _one.DisposeAsync();
        await _two.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [SetUp]
    public void FreshPrefix() => _keys = new RedisKeys($"store-{Guid.NewGuid():N}:");

    private RedisSessionStore Sessions(IConnectionMultiplexer redis) => new(redis, _keys, _clock,
        MsOptions.Create(new FakeAuthOptions { SessionLifetime = Lifetime, IdleTimeout = Idle }));

    [Test]
    public async Task A_reset_forgets_used_totp_steps_on_every_instance()
    {
        var one = new RedisTotpReplayGuard(_one, _keys);
        var two = new RedisTotpReplayGuard(_two, _keys);
        (await one.TryAcceptAsync("alice", 1000)).ShouldBeTrue();
        (await two.TryAcceptAsync("alice", 1000)).ShouldBeFalse();

        await one.ClearAsync();

        (await two.TryAcceptAsync("alice", 1000)).ShouldBeTrue();
    }

    [Test]
    public async Task A_new_session_key_lives_until_the_session_would_idle_out_on_the_server_clock()
    {
        var session = await Sessions(_one).CreateAsync("alice");

        var ttl = await _one.GetDatabase().KeyTimeToLiveAsync(_keys.Session(session.Id));

        ttl.ShouldNotBeNull();
        ttl.Value.ShouldBeInRange(Idle - TimeSpan.FromSeconds(5), Idle);
    }

    [Test]
    public async Task A_session_used_on_another_instance_is_kept_alive_and_its_ttl_re_armed()
    {
        var created = await Sessions(_one).CreateAsync("alice");
        _clock.Advance(TimeSpan.FromMinutes(8));

        var found = await Sessions(_two).FindAsync(created.Id);

        found.ShouldNotBeNull().User.ShouldBe("alice");
        _clock.Advance(TimeSpan.FromMinutes(8)); // 16 min after creation, 8 after last use: alive
        (await Sessions(_one).FindAsync(created.Id)).ShouldNotBeNull();
        (await _one.GetDatabase().KeyTimeToLiveAsync(_keys.Session(created.Id))).ShouldNotBeNull().ShouldBeGreaterThan(Idle - TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task A_session_found_on_another_instance_keeps_its_start_end_idle_timeout_and_last_use()
    {
        var created = await Sessions(_one).CreateAsync("alice");
        _clock.Advance(TimeSpan.FromMinutes(3));

        var found = (await Sessions(_two).FindAsync(created.Id)).ShouldNotBeNull();

        found.Created.ShouldBe(created.Created);
        found.AbsoluteExpiresAt.ShouldBe(created.AbsoluteExpiresAt);
        found.IdleTimeout.ShouldBe(Idle);
        (await Sessions(_one).ListAsync(10)).ShouldHaveSingleItem().LastSeen.ShouldBe(_clock.GetUtcNow()); // as stored
    }

    [Test]
    public async Task A_session_key_without_its_user_field_is_no_session()
    {
        var created = await Sessions(_one).CreateAsync("alice");
        await _one.GetDatabase().HashDeleteAsync(_keys.Session(created.Id), "user");

        (await Sessions(_two).FindAsync(created.Id)).ShouldBeNull();
    }

    [Test]
    public async Task A_session_past_its_idle_timeout_on_the_server_clock_is_gone_before_redis_would_drop_it()
    {
        var created = await Sessions(_one).CreateAsync("alice");
        _clock.Advance(Idle);

        (await Sessions(_two).FindAsync(created.Id)).ShouldBeNull();
        (await _one.GetDatabase().KeyExistsAsync(_keys.Session(created.Id))).ShouldBeFalse();
    }

    [Test]
    public async Task A_refresh_token_raced_through_two_connections_is_redeemed_exactly_once()
    {
        var now = _clock.GetUtcNow();
        var value = await new RedisTokenStore(_one, _keys, _clock).AddAsync(new StoredToken(TokenKind.Refresh,
            new TokenGrant("alice", null, "profile", "family-1"), now, now + TimeSpan.FromDays(1)));
        var stores = new[] { new RedisTokenStore(_one, _keys, _clock), new RedisTokenStore(_two, _keys, _clock) };

        var redemptions = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => stores[i % 2].RedeemAsync(TokenKind.Refresh, value).AsTask()));

        redemptions.Count(r => r is { FirstUse: true }).ShouldBe(1);
        redemptions.ShouldAllBe(r => r != null);
    }

    [Test]
    public async Task Revoking_a_family_on_one_instance_drops_its_tokens_for_all()
    {
        var now = _clock.GetUtcNow();
        var grant = new TokenGrant("alice", "demo-app", "profile", "family-2");
        var one = new RedisTokenStore(_one, _keys, _clock);
        var access = await one.AddAsync(new StoredToken(TokenKind.Access, grant, now, now + TimeSpan.FromMinutes(15)));
        var refresh = await one.AddAsync(new StoredToken(TokenKind.Refresh, grant, now, now + TimeSpan.FromDays(1)));

        (await new RedisTokenStore(_two, _keys, _clock).RevokeFamilyAsync("family-2")).ShouldBe(2);

        (await one.FindAsync(TokenKind.Access, access)).ShouldBeNull();
        (await one.FindAsync(TokenKind.Refresh, refresh)).ShouldBeNull();
    }

    [Test]
    public async Task An_authorization_code_keeps_its_pkce_binding_through_redis()
    {
        var now = _clock.GetUtcNow();
        var code = new StoredToken(TokenKind.AuthorizationCode, new TokenGrant("alice", "demo-app", "profile read", "family-3"),
            now, now + TimeSpan.FromMinutes(1), new CodeBinding("http://127.0.0.1/callback", true, "challenge-value"));
        var value = await new RedisTokenStore(_one, _keys, _clock).AddAsync(code);

        var found = (await new RedisTokenStore(_two, _keys, _clock).FindAsync(TokenKind.AuthorizationCode, value)).ShouldNotBeNull();

        found.Code.ShouldBe(code.Code);
        found.Grant.ShouldBe(code.Grant);
        found.ExpiresAt.ShouldBe(code.ExpiresAt);
        (await new RedisTokenStore(_two, _keys, _clock).FindAsync(TokenKind.Access, value)).ShouldBeNull(); // kind matters
    }
}
