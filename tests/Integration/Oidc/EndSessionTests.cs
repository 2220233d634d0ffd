using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FakeAuthServer.Auth.Oidc;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.WebUtilities;
using SessionKit.Tests.Integration.Server;

namespace SessionKit.Tests.Integration.Oidc;

/// <summary>RP-initiated logout: the session ends here, and the browser goes back only to a registered URI.</summary>
public class EndSessionTests : TokenTestBase
{
    private const string SignedOut = "http://127.0.0.1/signed-out";

    private async Task<(string Cookie, string IdToken)> SignedInAsync()
    {
        var login = await LoginAsync();
        var cookie = $"user_id={SessionIdFrom(login)}";
        var code = RedirectQuery(await GetWithCookieAsync(AuthorizeQuery(new() { ["scope"] = "openid" }), cookie))["code"];
        var idToken = (await JsonOf(await ExchangeAsync(code))).GetProperty("id_token").GetString()!;
        return (cookie, idToken);
    }

    private static string LogoutUrl(Dictionary<string, string?> query) =>
        QueryHelpers.AddQueryString("/oauth/logout", query.Where(p => p.Value is not null));

    [Test]
    public async Task Discovery_names_the_end_session_endpoint()
    {
        var discovery = await Client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        discovery.GetProperty("end_session_endpoint").GetString().ShouldBe("http://localhost/oauth/logout");
    }

    [Test]
    public async Task Logout_with_an_id_token_hint_ends_the_session_and_returns_to_the_registered_uri_with_state()
    {
        var (cookie, idToken) = await SignedInAsync();

        var response = await GetWithCookieAsync(LogoutUrl(new()
        {
            ["id_token_hint"] = idToken, ["post_logout_redirect_uri"] = SignedOut, ["state"] = "s 1",
        }), cookie);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location.ShouldBe(new Uri("http://127.0.0.1/signed-out?state=s%201"));
        response.Headers.GetValues("Set-Cookie").ShouldContain(h => h.StartsWith("user_id=;") && h.Contains("Max-Age=0"));
        (await GetWithCookieAsync("/protected", cookie)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Logout_with_a_client_id_may_return_to_that_clients_uri()
    {
        var (cookie, _) = await SignedInAsync();

        var response = await GetWithCookieAsync(LogoutUrl(new() { ["client_id"] = DemoApp, ["post_logout_redirect_uri"] = SignedOut }), cookie);

        response.Headers.Location.ShouldBe(new Uri(SignedOut));
    }

    [Test]
    public async Task An_unregistered_post_logout_uri_is_refused_and_the_session_lives_on()
    {
        var (cookie, idToken) = await SignedInAsync();

        var response = await GetWithCookieAsync(LogoutUrl(new()
        {
            ["id_token_hint"] = idToken, ["post_logout_redirect_uri"] = "https://evil.example/",
        }), cookie);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
        (await GetWithCookieAsync("/protected", cookie)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_post_logout_uri_without_a_client_is_refused()
    {
        var response = await Client.GetAsync(LogoutUrl(new() { ["post_logout_redirect_uri"] = SignedOut }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("client_id or id_token_hint");
    }

    [Test]
    public async Task An_id_token_hint_signed_by_someone_else_is_refused()
    {
        var foreign = Server.Tokens.CreateAccessToken("some_name", flaw: TokenFlaw.UnknownKey);

        (await Client.GetAsync(LogoutUrl(new() { ["id_token_hint"] = foreign }))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task An_access_token_is_not_an_id_token_hint()
    {
        var accessToken = Server.Tokens.CreateAccessToken("some_name", audience: DemoApp);

        (await Client.GetAsync(LogoutUrl(new() { ["id_token_hint"] = accessToken }))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_client_id_that_is_not_the_hints_audience_is_refused()
    {
        var (_, idToken) = await SignedInAsync();

        var response = await Client.GetAsync(LogoutUrl(new() { ["id_token_hint"] = idToken, ["client_id"] = "demo-service" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task An_expired_id_token_hint_still_names_the_client()
    {
        var (cookie, idToken) = await SignedInAsync();
        Server.Clock.Advance(TimeSpan.FromDays(1));

        var response = await GetWithCookieAsync(LogoutUrl(new() { ["id_token_hint"] = idToken, ["post_logout_redirect_uri"] = SignedOut }), cookie);

        response.Headers.Location.ShouldBe(new Uri(SignedOut));
    }

    [Test]
    public async Task Logout_without_a_redirect_shows_a_signed_out_page()
    {
        var (cookie, _) = await SignedInAsync();

        var response = await GetWithCookieAsync("/oauth/logout", cookie);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("You are signed out.");
        (await GetWithCookieAsync("/protected", cookie)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task The_form_post_response_mode_answers_with_a_page_that_posts_code_and_state_to_the_client()
    {
        var response = await AuthorizeAsync(new() { ["response_mode"] = "form_post" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
        var form = document.Forms.ShouldHaveSingleItem();
        form.Method.ShouldBe("post");
        form.Action.ShouldBe(Callback);
        form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Select(i => i.Name).ShouldBe(["code", "state"], ignoreOrder: true);
        form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Single(i => i.Name == "state").Value.ShouldBe("xyz 1/2");
    }

    [Test]
    public async Task An_unknown_response_mode_is_invalid_request()
    {
        RedirectQuery(await AuthorizeAsync(new() { ["response_mode"] = "fragment" }))["error"].ShouldBe("invalid_request");
    }
}
