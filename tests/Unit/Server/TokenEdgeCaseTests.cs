using FakeAuthServer.Auth.Tokens;
using FakeAuthServer.Auth.Tokens.OAuth;
using Microsoft.AspNetCore.Http;

namespace SessionKit.Tests.Unit.Server;

/// <summary>The edges the tokens folder's mutation run found untested: each limit at exactly its value, and one past it.</summary>
public class TokenEdgeCaseTests
{
    [Test]
    public void A_token_of_exactly_the_maximum_length_has_a_plausible_shape() =>
        TokenValues.HasPlausibleShape(new string('t', TokenValues.MaxLength)).ShouldBeTrue();

    [Test]
    public void A_token_one_past_the_maximum_length_does_not() =>
        TokenValues.HasPlausibleShape(new string('t', TokenValues.MaxLength + 1)).ShouldBeFalse();

    [TestCase(null)]
    [TestCase("")]
    public void No_token_has_no_plausible_shape(string? token) => TokenValues.HasPlausibleShape(token).ShouldBeFalse();

    [TestCase("a~b")]
    [TestCase("!")]
    public void Scope_tokens_run_from_exclamation_mark_to_tilde(string scope) => Scopes.IsValidToken(scope).ShouldBeTrue();

    [TestCase("a\u007fb")]
    [TestCase("a\u00e9")]
    [TestCase("a b")]
    [TestCase("a\"b")]
    [TestCase("a\\b")]
    [TestCase("")]
    public void Delete_non_ascii_space_quote_backslash_and_nothing_are_no_scope_token(string scope) =>
        Scopes.IsValidToken(scope).ShouldBeFalse();

    [Test]
    public void A_code_lifetime_of_exactly_ten_minutes_is_allowed() =>
        new OAuthOptionsValidator().Validate(null, new OAuthOptions { CodeLifetime = TimeSpan.FromMinutes(10) }).Succeeded.ShouldBeTrue();

    [Test]
    public void A_store_bound_of_one_token_is_allowed() =>
        new TokenOptionsValidator().Validate(null, new TokenOptions { MaxTokens = 1 }).Succeeded.ShouldBeTrue();

    [Test]
    public void An_authorization_request_of_exactly_the_carried_length_still_goes_to_the_login_page()
    {
        var request = new DefaultHttpContext().Request;
        var next = "/" + new string('n', FakeAuthServer.Auth.Forms.LocalRedirect.MaxLength - 1);

        AuthorizeLoginRedirect.LoginPage(request, next).ShouldNotBeNull();
        AuthorizeLoginRedirect.LoginPage(request, next + "n").ShouldBeNull();
    }
}

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

    [Test]
    public void A_parameter_sent_twice_is_repeated_and_one_sent_once_is_not()
    {
        var p = new FakeAuthServer.Auth.Tokens.OAuth.OAuthParameters(
            [new("a", new Microsoft.Extensions.Primitives.StringValues(["1", "2"])), new("b", "1")]);

        p.IsRepeated("a").ShouldBeTrue();
        p.IsRepeated("b").ShouldBeFalse();
        p.IsRepeated("c").ShouldBeFalse();
    }

    [Test]
    public void A_client_configured_as_nothing_is_named_in_the_error() =>
        new OAuthOptionsValidator().Validate(null, new OAuthOptions { Clients = { ["ghost"] = null! } })
            .FailureMessage.ShouldNotBeNull().ShouldContain("FakeAuth:OAuth:Clients:ghost is empty.");
}
