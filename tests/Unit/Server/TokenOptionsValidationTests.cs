using FakeAuthServer.Auth.Tokens;
using FakeAuthServer.Auth.Tokens.OAuth;

namespace SessionKit.Tests.Unit.Server;

/// <summary>FakeAuth:Tokens and FakeAuth:OAuth: a bad configuration stops the server at start.</summary>
public class TokenOptionsValidationTests
{
    [Test]
    public void The_defaults_are_valid()
    {
        new TokenOptionsValidator().Validate(null, new TokenOptions()).Succeeded.ShouldBeTrue();
        new OAuthOptionsValidator().Validate(null, new OAuthOptions()).Succeeded.ShouldBeTrue();
    }

    [Test]
    public void A_zero_access_token_lifetime_is_refused_by_name()
    {
        var result = new TokenOptionsValidator().Validate(null, new TokenOptions { AccessTokenLifetime = TimeSpan.Zero });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldNotBeNull().ShouldContain("AccessTokenLifetime");
    }

    [TestCase("/relative/callback")]
    [TestCase("http://127.0.0.1/callback#fragment")]
    public void A_redirect_uri_that_is_relative_or_has_a_fragment_is_refused(string uri)
    {
        var options = new OAuthOptions { Clients = { ["app"] = new OAuthClient { RedirectUris = [uri] } } };

        new OAuthOptionsValidator().Validate(null, options).FailureMessage.ShouldNotBeNull().ShouldContain(uri);
    }

    [Test]
    public void A_code_lifetime_over_ten_minutes_is_refused() =>
        new OAuthOptionsValidator().Validate(null, new OAuthOptions { CodeLifetime = TimeSpan.FromMinutes(11) }).Failed.ShouldBeTrue();

    [Test]
    public void A_scope_with_a_space_is_refused() =>
        new OAuthOptionsValidator().Validate(null, new OAuthOptions { Clients = { ["app"] = new OAuthClient { Scopes = ["a b"] } } })
            .Failed.ShouldBeTrue();
}
