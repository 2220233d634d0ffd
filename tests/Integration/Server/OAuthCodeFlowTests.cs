using System.Net;
using System.Net.Http.Headers;

namespace SessionKit.Tests.Integration.Server;

public class OAuthCodeFlowTests : TokenTestBase
{
    [Test]
    public async Task The_code_flow_with_PKCE_yields_tokens_that_work_at_api_me()
    {
        var code = await CodeAsync();

        var response = await ExchangeAsync(code);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
        var tokens = await JsonOf(response);
        tokens.GetProperty("token_type").GetString().ShouldBe("Bearer");
        tokens.GetProperty("scope").GetString().ShouldBe("read");
        tokens.GetProperty("refresh_token").GetString().ShouldNotBeNullOrEmpty();
        var me = await JsonOf(await MeAsync(tokens.GetProperty("access_token").GetString()));
        me.GetProperty("username").GetString().ShouldBe("some_name");
        me.GetProperty("client_id").GetString().ShouldBe(DemoApp);
    }

    [Test]
    public async Task The_user_may_log_in_by_posting_username_and_password_with_the_parameters()
    {
        var response = await Client.PostAsync("/oauth/authorize", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["response_type"] = "code", ["client_id"] = DemoApp, ["redirect_uri"] = Callback, ["state"] = "s",
            ["code_challenge"] = Challenge, ["code_challenge_method"] = "S256",
            ["username"] = "alice", ["password"] = "wonderland",
        }));

        var query = RedirectQuery(response);
        query["state"].ShouldBe("s");
        var tokens = await JsonOf(await ExchangeAsync(query["code"]));
        tokens.GetProperty("scope").GetString().ShouldBe("profile read");
        (await JsonOf(await MeAsync(tokens.GetProperty("access_token").GetString()))).GetProperty("username").GetString().ShouldBe("alice");
    }

    [Test]
    public async Task A_replayed_code_is_refused_and_revokes_the_tokens_issued_for_it()
    {
        var code = await CodeAsync();
        var first = await JsonOf(await ExchangeAsync(code));

        (await OAuthErrorOf(await ExchangeAsync(code))).ShouldBe("invalid_grant");

        (await MeAsync(first.GetProperty("access_token").GetString())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_wrong_code_verifier_is_invalid_grant_and_spends_the_code()
    {
        var code = await CodeAsync();

        (await OAuthErrorOf(await ExchangeAsync(code, verifier: new string('a', 43)))).ShouldBe("invalid_grant");
        (await OAuthErrorOf(await ExchangeAsync(code))).ShouldBe("invalid_grant");
    }

    [Test]
    public async Task A_redirect_uri_other_than_the_authorized_one_is_invalid_grant()
    {
        var code = await CodeAsync();

        (await OAuthErrorOf(await ExchangeAsync(code, redirectUri: "http://127.0.0.1/other"))).ShouldBe("invalid_grant");
    }

    [Test]
    public async Task A_code_expires_after_a_minute_on_the_server_clock()
    {
        var code = await CodeAsync();

        Server.Clock.Advance(TimeSpan.FromSeconds(60));

        (await OAuthErrorOf(await ExchangeAsync(code))).ShouldBe("invalid_grant");
    }

    [Test]
    public async Task A_code_issued_to_one_client_cannot_be_redeemed_by_another()
    {
        var code = await CodeAsync();

        var response = await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Callback, ["code_verifier"] = Verifier,
        }, basic: Basic("demo-service", "demo-service-secret"));

        (await OAuthErrorOf(response)).ShouldBe("invalid_grant");
    }

    [Test]
    public async Task An_unknown_client_at_the_token_endpoint_is_invalid_client_with_a_challenge()
    {
        var code = await CodeAsync();

        var response = await ExchangeAsync(code, clientId: "no-such-client");

        (await OAuthErrorOf(response, 401)).ShouldBe("invalid_client");
        response.Headers.WwwAuthenticate.ShouldHaveSingleItem().Scheme.ShouldBe("Basic");
    }

    [Test]
    public async Task The_refresh_token_grant_rotates_and_a_reused_token_is_invalid_grant()
    {
        var tokens = await JsonOf(await ExchangeAsync(await CodeAsync()));
        var refresh = tokens.GetProperty("refresh_token").GetString()!;
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh, ["client_id"] = DemoApp };

        var rotated = await TokenAsync(form);
        rotated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var next = await JsonOf(rotated);
        next.GetProperty("refresh_token").GetString().ShouldNotBe(refresh);
        next.GetProperty("scope").GetString().ShouldBe("read");

        (await OAuthErrorOf(await TokenAsync(form))).ShouldBe("invalid_grant");
        (await MeAsync(next.GetProperty("access_token").GetString())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_client_token_cannot_be_refreshed_at_the_login_refresh_endpoint()
    {
        var tokens = await JsonOf(await ExchangeAsync(await CodeAsync()));

        (await RefreshAsync(tokens.GetProperty("refresh_token").GetString()!)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task The_authorize_redirect_is_not_cached()
    {
        var response = await AuthorizeAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
    }

    [Test]
    public async Task Without_user_credentials_or_a_session_authorize_sends_the_user_to_the_login_page_not_the_client()
    {
        var response = await Client.GetAsync(AuthorizeQuery());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location.ShouldNotBeNull().OriginalString.ShouldStartWith("/login?next=");
    }

    [Test]
    public async Task A_redirect_uri_sent_twice_is_refused_to_the_user_and_nothing_goes_to_a_redirect()
    {
        var response = await Client.GetAsync(AuthorizeQuery() + "&redirect_uri=" + Uri.EscapeDataString(Callback));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
        (await response.Content.ReadAsStringAsync()).ShouldContain("Send client_id and redirect_uri once each.");
    }

    [Test]
    public async Task Basic_credentials_that_are_not_base64_are_access_denied()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, AuthorizeQuery());
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "!!!");

        RedirectQuery(await Client.SendAsync(request))["error"].ShouldBe("access_denied");
    }

    private static Dictionary<string, string> ExchangeForm(string code, string? redirectUri)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["client_id"] = DemoApp, ["code_verifier"] = Verifier,
        };
        if (redirectUri is not null) form["redirect_uri"] = redirectUri;
        return form;
    }

    [Test]
    public async Task A_token_request_without_the_redirect_uri_sent_at_authorize_is_invalid_grant()
    {
        var code = await CodeAsync(); // authorize named redirect_uri

        (await OAuthErrorOf(await TokenAsync(ExchangeForm(code, redirectUri: null)))).ShouldBe("invalid_grant");
    }

    [Test]
    public async Task A_token_request_may_leave_out_the_redirect_uri_that_authorize_did_not_send()
    {
        var code = RedirectQuery(await AuthorizeAsync(new() { ["redirect_uri"] = null }))["code"];

        (await TokenAsync(ExchangeForm(code, redirectUri: null))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_redirect_uri_sent_only_at_the_token_endpoint_must_still_be_the_registered_one()
    {
        var code = RedirectQuery(await AuthorizeAsync(new() { ["redirect_uri"] = null }))["code"];

        (await OAuthErrorOf(await TokenAsync(ExchangeForm(code, "http://127.0.0.1/other")))).ShouldBe("invalid_grant");
    }

    [Test]
    public async Task Credentials_in_a_get_query_string_do_not_log_the_user_in()
    {
        var response = await Client.GetAsync(AuthorizeQuery(new() { ["username"] = "some_name", ["password"] = "pass" }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location.ShouldNotBeNull().OriginalString;
        location.ShouldStartWith("/login?next=");
        location.ShouldNotContain("pass"); // nor are they carried into the login page's URL
    }

    private async Task<string> RefreshTokenForScopeAsync(string scope)
    {
        var code = RedirectQuery(await AuthorizeAsync(new() { ["scope"] = scope }))["code"];
        var tokens = await JsonOf(await ExchangeAsync(code));
        tokens.GetProperty("scope").GetString().ShouldBe(scope);
        return tokens.GetProperty("refresh_token").GetString()!;
    }

    private Task<HttpResponseMessage> RefreshWithScopeAsync(string refreshToken, string scope) => TokenAsync(new()
    {
        ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = DemoApp, ["scope"] = scope,
    });

    [Test]
    public async Task An_oauth_refresh_may_narrow_the_scope_and_the_narrower_scope_sticks()
    {
        var refresh = await RefreshTokenForScopeAsync("profile read");

        var narrowed = await RefreshWithScopeAsync(refresh, "read");

        narrowed.StatusCode.ShouldBe(HttpStatusCode.OK, await narrowed.Content.ReadAsStringAsync());
        var tokens = await JsonOf(narrowed);
        tokens.GetProperty("scope").GetString().ShouldBe("read");
        (await OAuthErrorOf(await RefreshWithScopeAsync(tokens.GetProperty("refresh_token").GetString()!, "profile read")))
            .ShouldBe("invalid_scope");
    }

    [Test]
    public async Task An_oauth_refresh_may_not_widen_the_scope()
    {
        var refresh = await RefreshTokenForScopeAsync("read");

        (await OAuthErrorOf(await RefreshWithScopeAsync(refresh, "profile read"))).ShouldBe("invalid_scope");
    }
}
