using FakeAuthServer.Auth.Tokens;
using FakeAuthServer.Auth.Tokens.OAuth;
using Microsoft.AspNetCore.Http;

namespace SessionKit.Tests.Unit.Server;

/// <summary>How much the in-memory token store evicts when it reaches its bound: nothing live when purging made room, a tenth otherwise.</summary>
public class TokenStoreEvictionAmountTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TokenGrant Grant = new("alice", null, "", "f");

    private static StoredToken Token(DateTimeOffset now, TimeSpan life) => new(TokenKind.Access, Grant, now, now + life);

    [Test]
    public async Task When_purging_expired_tokens_makes_room_no_live_token_is_evicted()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start);
        var store = new InMemoryTokenStore(clock, Microsoft.Extensions.Options.Options.Create(new TokenOptions { MaxTokens = 20 }));
        var live = new List<string>();
        // One expired token: purging it leaves exactly one place free, so nothing live has to go.
        for (var i = 0; i < 19; i++) live.Add(await store.AddAsync(Token(Start, TimeSpan.FromHours(1))));
        await store.AddAsync(Token(Start, TimeSpan.FromMinutes(1)));
        clock.Advance(TimeSpan.FromMinutes(2));

        live.Add(await store.AddAsync(Token(clock.GetUtcNow(), TimeSpan.FromHours(1))));

        foreach (var value in live) (await store.FindAsync(TokenKind.Access, value)).ShouldNotBeNull();
    }

    [Test]
    public async Task A_full_store_of_live_tokens_evicts_a_tenth_of_its_bound_soonest_to_expire_first()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start);
        var store = new InMemoryTokenStore(clock, Microsoft.Extensions.Options.Options.Create(new TokenOptions { MaxTokens = 20 }));
        var values = new List<string>();
        for (var i = 0; i < 20; i++) values.Add(await store.AddAsync(Token(Start, TimeSpan.FromMinutes(10 + i))));

        await store.AddAsync(Token(Start, TimeSpan.FromHours(1)));

        store.Count.ShouldBe(19); // 2 (a tenth of 20) made room for the new one
        (await store.FindAsync(TokenKind.Access, values[0])).ShouldBeNull();
        (await store.FindAsync(TokenKind.Access, values[1])).ShouldBeNull();
        (await store.FindAsync(TokenKind.Access, values[2])).ShouldNotBeNull();
    }
}
