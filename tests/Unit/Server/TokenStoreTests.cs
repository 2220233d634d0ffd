using FakeAuthServer.Auth.Tokens;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SessionKit.Tests.Unit.Server;

public class TokenStoreTests
{
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void NewClock() => _clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private InMemoryTokenStore Store(int max = 1000) => new(_clock, MsOptions.Create(new TokenOptions { MaxTokens = max }));

    private StoredToken Token(TokenKind kind, string family = "f", TimeSpan? lifetime = null) =>
        new(kind, new TokenGrant("alice", null, "", family), _clock.GetUtcNow(), _clock.GetUtcNow() + (lifetime ?? TimeSpan.FromMinutes(5)));

    [Test]
    public async Task A_stored_token_is_found_by_its_value_and_kind_only()
    {
        var store = Store();
        var token = Token(TokenKind.Access);
        var value = await store.AddAsync(token);

        (await store.FindAsync(TokenKind.Access, value)).ShouldBeSameAs(token);
        (await store.FindAsync(TokenKind.Refresh, value)).ShouldBeNull();
        (await store.FindAsync(TokenKind.Access, value + "x")).ShouldBeNull();
    }

    [Test]
    public async Task Values_are_random_base64url_of_256_bits()
    {
        var store = Store();
        var values = new HashSet<string>();
        for (var i = 0; i < 100; i++) values.Add(await store.AddAsync(Token(TokenKind.Access)));

        values.Count.ShouldBe(100);
        values.ShouldAllBe(v => v.Length == 43 && v.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'));
    }

    [Test]
    public async Task A_token_is_gone_at_its_expiry()
    {
        var store = Store();
        var value = await store.AddAsync(Token(TokenKind.Access));

        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        (await store.FindAsync(TokenKind.Access, value)).ShouldNotBeNull();
        _clock.Advance(TimeSpan.FromTicks(1));
        (await store.FindAsync(TokenKind.Access, value)).ShouldBeNull();
        store.Count.ShouldBe(0);
    }

    [Test]
    public async Task A_single_use_token_is_redeemed_once_then_reported_as_a_replay_and_no_longer_found()
    {
        var store = Store();
        var value = await store.AddAsync(Token(TokenKind.Refresh));

        (await store.RedeemAsync(TokenKind.Refresh, value)).ShouldNotBeNull().FirstUse.ShouldBeTrue();
        (await store.RedeemAsync(TokenKind.Refresh, value)).ShouldNotBeNull().FirstUse.ShouldBeFalse();
        (await store.FindAsync(TokenKind.Refresh, value)).ShouldBeNull();
    }

    [Test]
    public async Task Racing_redemptions_let_exactly_one_through()
    {
        var store = Store();
        var value = await store.AddAsync(Token(TokenKind.AuthorizationCode));

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ =>
            Task.Run(async () => await store.RedeemAsync(TokenKind.AuthorizationCode, value))));

        results.Count(r => r!.Value.FirstUse).ShouldBe(1);
    }

    [Test]
    public async Task Revoking_a_family_drops_its_tokens_and_no_others()
    {
        var store = Store();
        var a1 = await store.AddAsync(Token(TokenKind.Access, "a"));
        var a2 = await store.AddAsync(Token(TokenKind.Refresh, "a"));
        var b = await store.AddAsync(Token(TokenKind.Access, "b"));

        (await store.RevokeFamilyAsync("a")).ShouldBe(2);

        (await store.FindAsync(TokenKind.Access, a1)).ShouldBeNull();
        (await store.FindAsync(TokenKind.Refresh, a2)).ShouldBeNull();
        (await store.FindAsync(TokenKind.Access, b)).ShouldNotBeNull();
    }

    [Test]
    public async Task Purging_drops_expired_entries_only()
    {
        var store = Store();
        await store.AddAsync(Token(TokenKind.Access, lifetime: TimeSpan.FromMinutes(1)));
        var live = await store.AddAsync(Token(TokenKind.Access, lifetime: TimeSpan.FromMinutes(10)));
        _clock.Advance(TimeSpan.FromMinutes(2));

        store.PurgeExpired().ShouldBe(1);

        store.Count.ShouldBe(1);
        (await store.FindAsync(TokenKind.Access, live)).ShouldNotBeNull();
    }

    [Test]
    public async Task At_the_bound_the_soonest_to_expire_are_evicted()
    {
        var store = Store(max: 10);
        var soonest = await store.AddAsync(Token(TokenKind.Access, lifetime: TimeSpan.FromMinutes(1)));
        for (var i = 0; i < 9; i++) await store.AddAsync(Token(TokenKind.Access, lifetime: TimeSpan.FromMinutes(10)));

        var newest = await store.AddAsync(Token(TokenKind.Access));

        store.Count.ShouldBeLessThanOrEqualTo(10);
        (await store.FindAsync(TokenKind.Access, soonest)).ShouldBeNull();
        (await store.FindAsync(TokenKind.Access, newest)).ShouldNotBeNull();
    }

    [Test]
    public async Task Overlong_values_are_not_looked_up() =>
        (await Store().FindAsync(TokenKind.Access, new string('a', TokenValues.MaxLength + 1))).ShouldBeNull();
}
