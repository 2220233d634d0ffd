using System.Net.Http.Json;
using System.Net;
using FakeAuthServer.Auth.Oidc;
using FakeAuthServer.Testing;

namespace SessionKit.Tests.Integration.Oidc;

/// <summary>An ASP.NET API protected by Microsoft's JwtBearer handler trusts the fake's tokens, and refuses the bad ones.</summary>
public class JwtBearerRelyingPartyTests
{
    private FakeAuthServerFactory _fake = null!;
    private ProtectedApi _api = null!;

    [SetUp]
    public async Task Start()
    {
        _fake = new FakeAuthServerFactory();
        _api = await ProtectedApi.StartAsync(_fake, audience: "orders-api");
    }

    [TearDown]
    public async Task Stop()
    {
        await _api.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Test]
    public async Task A_minted_token_for_the_apis_audience_passes_authorize_and_carries_the_subject()
    {
        var token = _fake.Tokens.CreateAccessToken("alice", ["orders.read"], audience: "orders-api");

        var response = await _api.GetAsync("/orders", token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"owner\":\"alice\"");
    }

    [Test]
    public async Task A_role_claim_set_by_the_test_satisfies_the_apis_policy_and_its_absence_is_forbidden()
    {
        var admin = _fake.Tokens.CreateAccessToken("alice", claims: new Dictionary<string, object> { ["role"] = "admin" }, audience: "orders-api");
        var user = _fake.Tokens.CreateAccessToken("bob", audience: "orders-api");

        (await _api.GetAsync("/admin", admin)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _api.GetAsync("/admin", user)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [TestCase(TokenFlaw.Expired)]
    [TestCase(TokenFlaw.WrongAudience)]
    [TestCase(TokenFlaw.WrongIssuer)]
    [TestCase(TokenFlaw.UnknownKey)]
    [TestCase(TokenFlaw.Tampered)]
    public async Task A_spoiled_token_is_refused_by_the_real_handler(TokenFlaw flaw)
    {
        var token = _fake.Tokens.CreateAccessToken("alice", audience: "orders-api", flaw: flaw);

        (await _api.GetAsync("/orders", token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Advancing_the_fakes_clock_past_expiry_makes_the_app_refuse_the_token()
    {
        var token = _fake.Tokens.CreateAccessToken("alice", audience: "orders-api", lifetime: TimeSpan.FromMinutes(5));
        (await _api.GetAsync("/orders", token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        _fake.Clock.Advance(TimeSpan.FromMinutes(6));

        (await _api.GetAsync("/orders", token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task After_a_key_rotation_tokens_signed_by_the_old_and_the_new_key_both_validate()
    {
        var before = _fake.Tokens.CreateAccessToken("alice", audience: "orders-api");
        (await _api.GetAsync("/orders", before)).StatusCode.ShouldBe(HttpStatusCode.OK); // the app has cached the JWKS

        _fake.RotateSigningKey();
        var after = _fake.Tokens.CreateAccessToken("alice", audience: "orders-api");

        // An unknown kid makes the handler ask for the keys again (RefreshOnIssuerKeyNotFound); IdentityModel fetches them
        // in the background, so the first requests may still miss. Bounded: 50 tries, 100 ms apart.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50 && statuses.LastOrDefault() != HttpStatusCode.OK; i++)
        {
            if (i > 0) await Task.Delay(100);
            statuses.Add((await _api.GetAsync("/orders", after)).StatusCode);
        }
        statuses.Last().ShouldBe(HttpStatusCode.OK, string.Join(", ", statuses));
        (await _api.GetAsync("/orders", before)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_client_credentials_token_from_the_token_endpoint_is_accepted_by_an_api_of_its_audience()
    {
        await using var demoApi = await ProtectedApi.StartAsync(_fake, audience: "demo-api");
        using var fakeClient = _fake.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "read" }),
        };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String("demo-service:demo-service-secret"u8.ToArray()));
        var tokens = await (await fakeClient.SendAsync(request)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var access = tokens.GetProperty("access_token").GetString()!;

        (await demoApi.GetAsync("/orders", access)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _api.GetAsync("/orders", access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized); // another audience
    }
}
