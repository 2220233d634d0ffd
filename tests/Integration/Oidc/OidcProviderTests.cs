using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SessionKit.Tests.Integration.Server;

namespace SessionKit.Tests.Integration.Oidc;

/// <summary>Discovery, the JWKS and the code flow's id_token, read with Microsoft.IdentityModel as a relying party would.</summary>
public class OidcProviderTests : TokenTestBase
{
    private async Task<JsonWebKeySet> JwksAsync() => new(await Client.GetStringAsync("/.well-known/jwks.json"));

    [Test]
    public async Task Discovery_names_this_server_as_issuer_and_every_endpoint_it_serves()
    {
        var discovery = await Client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        discovery.GetProperty("issuer").GetString().ShouldBe("http://localhost");
        discovery.GetProperty("jwks_uri").GetString().ShouldBe("http://localhost/.well-known/jwks.json");
        discovery.GetProperty("token_endpoint").GetString().ShouldBe("http://localhost/oauth/token");
        discovery.GetProperty("authorization_endpoint").GetString().ShouldBe("http://localhost/oauth/authorize");
        discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()).ShouldBe(["S256"]);
        discovery.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()).ShouldBe(["RS256"]);
        discovery.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()).ShouldContain("openid");
    }

    [Test]
    public async Task The_jwks_publishes_only_public_rsa_keys_with_ids()
    {
        var json = await Client.GetStringAsync("/.well-known/jwks.json");
        var key = new JsonWebKeySet(json).Keys.ShouldHaveSingleItem();

        key.Kty.ShouldBe("RSA");
        key.Kid.ShouldNotBeNullOrEmpty();
        key.Alg.ShouldBe("RS256");
        json.ShouldNotContain("\"d\"");
        json.ShouldNotContain("\"p\"");
    }

    [Test]
    public async Task A_rotated_out_key_stays_published_for_its_grace_period_then_leaves()
    {
        var before = (await JwksAsync()).Keys.Single().Kid;
        var rotated = await (await Client.PostAsync("/_admin/keys/rotate", null)).Content.ReadFromJsonAsync<JsonElement>();

        (await JwksAsync()).Keys.Select(k => k.Kid).ShouldBe([rotated.GetProperty("kid").GetString(), before], ignoreOrder: true);
        Server.Clock.Advance(TimeSpan.FromHours(1));
        (await JwksAsync()).Keys.Select(k => k.Kid).ShouldBe([rotated.GetProperty("kid").GetString()]);
    }

    protected override FakeAuthServer.Testing.FakeAuthServerFactory CreateServer() => base.CreateServer().WithAdminApi();

    [Test]
    public async Task The_code_flow_with_openid_and_a_nonce_returns_an_id_token_a_relying_party_validates()
    {
        var code = RedirectQuery(await AuthorizeAsync(new() { ["scope"] = "openid profile", ["nonce"] = "n-0S6_WzA2Mj" }))["code"];
        var tokens = await JsonOf(await ExchangeAsync(code));
        var idToken = tokens.GetProperty("id_token").GetString()!;
        var accessToken = tokens.GetProperty("access_token").GetString()!;

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = "http://localhost", ValidAudience = DemoApp, IssuerSigningKeys = (await JwksAsync()).Keys,
            LifetimeValidator = (_, expires, _, _) => expires > Server.Clock.GetUtcNow().UtcDateTime,
        });

        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        result.Claims["sub"].ShouldBe("some_name");
        result.Claims["nonce"].ShouldBe("n-0S6_WzA2Mj");
        result.Claims["azp"].ShouldBe(DemoApp);
        result.Claims["at_hash"].ShouldBe(Base64UrlEncoder.Encode(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(accessToken))[..16]));
    }

    [Test]
    public async Task Without_openid_there_is_no_id_token()
    {
        var tokens = await JsonOf(await ExchangeAsync(await CodeAsync()));

        tokens.TryGetProperty("id_token", out _).ShouldBeFalse();
    }

    [Test]
    public async Task An_oauth_access_token_is_an_rfc_9068_jwt_that_api_me_still_answers_for_until_revoked()
    {
        var tokens = await JsonOf(await ExchangeAsync(await CodeAsync()));
        var access = tokens.GetProperty("access_token").GetString()!;
        var jwt = new JsonWebToken(access);

        jwt.Typ.ShouldBe("at+jwt");
        jwt.GetClaim("client_id").Value.ShouldBe(DemoApp);
        jwt.Subject.ShouldBe("some_name");
        jwt.Id.ShouldNotBeNullOrEmpty();
        (await MeAsync(access)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refresh = tokens.GetProperty("refresh_token").GetString()!;
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh, ["client_id"] = DemoApp };
        await TokenAsync(form);
        await TokenAsync(form); // a reused refresh token revokes the grant, the JWT access token included
        (await MeAsync(access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
