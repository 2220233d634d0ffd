using System.Net;
using FakeAuthServer.Auth.Tokens;
using Microsoft.Extensions.DependencyInjection;
using SessionClient;

namespace SessionKit.Tests.Integration.Client;

/// <summary>Login helpers have one shape: a token login is the session's authenticator and its re-login flow at once.</summary>
public class TokenLoginAsReloginFlowTests : FreshServerTestBase
{
    [Test]
    public async Task Revoked_tokens_get_a_401_that_the_same_token_login_answers_by_logging_in_again()
    {
        await using var session = NewSession();
        var login = new TokenLogin("/api/auth/login", "some_name", "pass");
        session.Auth = login;
        session.Relogin = new ReloginPolicy(login);
        (await session.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var first = login.AccessToken;

        await Server.Services.GetRequiredService<ITokenStore>().ClearAsync(); // the server forgets every token

        (await session.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        login.AccessToken.ShouldNotBeNull().ShouldNotBe(first);
    }

    [Test]
    public async Task An_oauth_login_run_as_a_flow_logs_in_through_the_session_it_is_given_and_then_authenticates_it()
    {
        var login = new OAuthCodeLogin("/oauth/authorize", "/oauth/token", "demo-app", "http://127.0.0.1/callback", "some_name", "pass");
        await using var session = NewSession();

        await login.LoginAsync(session);

        login.AccessToken.ShouldNotBeNull();
        session.Auth = login;
        (await session.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
