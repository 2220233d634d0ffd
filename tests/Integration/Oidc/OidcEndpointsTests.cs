using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FakeAuthServer.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using SessionKit.Tests.Integration.Server;

namespace SessionKit.Tests.Integration.Oidc;

/// <summary>userinfo, RFC 7662 introspection, RFC 7009 revocation, and users' claims under test control.</summary>
public class OidcEndpointsTests : TokenTestBase
{
    protected override FakeAuthServerFactory CreateServer() => base.CreateServer()
        .WithClaims("some_name", new Dictionary<string, string> { ["role"] = "admin", ["email"] = "some@example.test" });

    private static readonly string ServiceBasic = Basic("demo-service", "demo-service-secret");

    private async Task<JsonElement> OpenIdTokensAsync() =>
        await JsonOf(await ExchangeAsync(RedirectQuery(await AuthorizeAsync(new() { ["scope"] = "openid profile" }))["code"]));

    private Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> form, string? basic = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (basic is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        return Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> UserInfoAsync(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/oauth/userinfo");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Client.SendAsync(request);
    }

    [Test]
    public async Task Userinfo_answers_the_subject_and_the_users_configured_claims()
    {
        var access = (await OpenIdTokensAsync()).GetProperty("access_token").GetString();

        var info = await JsonOf(await UserInfoAsync(access));

        info.GetProperty("sub").GetString().ShouldBe("some_name");
        info.GetProperty("role").GetString().ShouldBe("admin");
        info.GetProperty("email").GetString().ShouldBe("some@example.test");
    }

    [Test]
    public async Task The_configured_claims_are_in_the_id_token_and_the_access_token_too()
    {
        var tokens = await OpenIdTokensAsync();

        new JsonWebToken(tokens.GetProperty("id_token").GetString()).GetClaim("role").Value.ShouldBe("admin");
        new JsonWebToken(tokens.GetProperty("access_token").GetString()).GetClaim("email").Value.ShouldBe("some@example.test");
    }

    [Test]
    public async Task Userinfo_refuses_a_missing_token_with_401_and_a_token_without_openid_with_403_insufficient_scope()
    {
        (await UserInfoAsync(null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var withoutOpenId = (await JsonOf(await ExchangeAsync(await CodeAsync()))).GetProperty("access_token").GetString();

        var refused = await UserInfoAsync(withoutOpenId);

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Headers.WwwAuthenticate.ToString().ShouldContain("insufficient_scope");
    }

    [Test]
    public async Task Introspection_tells_a_confidential_client_a_live_token_is_active_with_its_grant()
    {
        var access = (await OpenIdTokensAsync()).GetProperty("access_token").GetString()!;

        var answer = await JsonOf(await PostFormAsync("/oauth/introspect", new() { ["token"] = access }, ServiceBasic));

        answer.GetProperty("active").GetBoolean().ShouldBeTrue();
        answer.GetProperty("client_id").GetString().ShouldBe(DemoApp);
        answer.GetProperty("sub").GetString().ShouldBe("some_name");
        answer.GetProperty("scope").GetString().ShouldBe("openid profile");
        answer.GetProperty("token_type").GetString().ShouldBe("Bearer");
    }

    [Test]
    public async Task Introspection_finds_a_refresh_token_without_a_hint()
    {
        var refresh = (await OpenIdTokensAsync()).GetProperty("refresh_token").GetString()!;

        var answer = await JsonOf(await PostFormAsync("/oauth/introspect", new() { ["token"] = refresh }, ServiceBasic));

        answer.GetProperty("active").GetBoolean().ShouldBeTrue();
        answer.GetProperty("token_type").GetString().ShouldBe("refresh_token");
    }

    [TestCase("not-a-token")]
    [TestCase("a.b.c")]
    public async Task Introspection_of_an_unknown_token_is_just_inactive(string token)
    {
        var answer = await JsonOf(await PostFormAsync("/oauth/introspect", new() { ["token"] = token }, ServiceBasic));

        answer.GetProperty("active").GetBoolean().ShouldBeFalse();
        answer.EnumerateObject().Count().ShouldBe(1);
    }

    [Test]
    public async Task Introspection_refuses_a_public_client_and_a_missing_token()
    {
        (await OAuthErrorOf(await PostFormAsync("/oauth/introspect", new() { ["token"] = "x", ["client_id"] = DemoApp }), 401)).ShouldBe("invalid_client");
        (await OAuthErrorOf(await PostFormAsync("/oauth/introspect", new(), ServiceBasic))).ShouldBe("invalid_request");
    }

    [Test]
    public async Task Revoking_a_refresh_token_ends_its_grant_and_introspection_then_says_inactive()
    {
        var tokens = await OpenIdTokensAsync();
        var access = tokens.GetProperty("access_token").GetString()!;

        var revoke = await PostFormAsync("/oauth/revoke", new() { ["token"] = tokens.GetProperty("refresh_token").GetString()!, ["client_id"] = DemoApp });

        revoke.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MeAsync(access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await JsonOf(await PostFormAsync("/oauth/introspect", new() { ["token"] = access }, ServiceBasic))).GetProperty("active").GetBoolean().ShouldBeFalse();
    }

    [Test]
    public async Task Revoking_an_unknown_token_is_200_and_another_clients_token_is_refused_and_kept()
    {
        var access = (await OpenIdTokensAsync()).GetProperty("access_token").GetString()!;

        (await PostFormAsync("/oauth/revoke", new() { ["token"] = "nothing-like-it", ["client_id"] = DemoApp })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await OAuthErrorOf(await PostFormAsync("/oauth/revoke", new() { ["token"] = access }, ServiceBasic))).ShouldBe("invalid_request");
        (await MeAsync(access)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
