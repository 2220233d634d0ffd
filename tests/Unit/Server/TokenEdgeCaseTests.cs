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
