using System.Net;

namespace SessionKit.Tests.Integration.Server;

public class OAuthClientCredentialsTests : TokenTestBase
{
    private const string Service = "demo-service";
    private const string Secret = "demo-service-secret";

    private static Dictionary<string, string> Grant(string? scope = null) => scope is null
        ? new() { ["grant_type"] = "client_credentials" }
        : new() { ["grant_type"] = "client_credentials", ["scope"] = scope };

    [Test]
    public async Task A_confidential_client_with_Basic_credentials_gets_an_access_token_and_no_refresh_token()
    {
        var response = await TokenAsync(Grant("read"), Basic(Service, Secret));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var tokens = await JsonOf(response);
        tokens.TryGetProperty("refresh_token", out _).ShouldBeFalse();
        tokens.GetProperty("scope").GetString().ShouldBe("read");
        var me = await JsonOf(await MeAsync(tokens.GetProperty("access_token").GetString()));
        me.GetProperty("client_id").GetString().ShouldBe(Service);
        me.GetProperty("username").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Test]
    public async Task The_secret_may_be_sent_in_the_body_instead()
    {
        var form = Grant();
        form["client_id"] = Service;
        form["client_secret"] = Secret;

        var response = await TokenAsync(form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonOf(response)).GetProperty("scope").GetString().ShouldBe("read write");
    }

    [TestCase("wrong")]
    [TestCase("")]
    [TestCase("demo-service-secret ")]
    public async Task A_wrong_secret_is_invalid_client_with_a_Basic_challenge(string secret)
    {
        var response = await TokenAsync(Grant(), Basic(Service, secret));

        (await OAuthErrorOf(response, 401)).ShouldBe("invalid_client");
        response.Headers.WwwAuthenticate.ShouldHaveSingleItem().Scheme.ShouldBe("Basic");
    }

    [Test]
    public async Task Two_authentication_methods_at_once_are_invalid_request()
    {
        var form = Grant();
        form["client_secret"] = Secret;

        (await OAuthErrorOf(await TokenAsync(form, Basic(Service, Secret)))).ShouldBe("invalid_request");
    }

    [Test]
    public async Task A_public_client_may_not_use_client_credentials()
    {
        var form = Grant();
        form["client_id"] = DemoApp;

        (await OAuthErrorOf(await TokenAsync(form))).ShouldBe("unauthorized_client");
    }

    [Test]
    public async Task A_scope_the_client_does_not_have_is_invalid_scope()
    {
        (await OAuthErrorOf(await TokenAsync(Grant("read admin"), Basic(Service, Secret)))).ShouldBe("invalid_scope");
    }

    [Test]
    public async Task A_public_client_sending_a_client_secret_is_invalid_client()
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = "whatever", ["client_id"] = DemoApp, ["client_secret"] = "guess",
        };

        (await OAuthErrorOf(await TokenAsync(form), 401)).ShouldBe("invalid_client");
    }

    [Test]
    public async Task A_body_client_id_that_differs_from_the_basic_credentials_is_invalid_client()
    {
        var form = Grant();
        form["client_id"] = DemoApp;

        (await OAuthErrorOf(await TokenAsync(form, Basic(Service, Secret)), 401)).ShouldBe("invalid_client");
    }

    [Test]
    public async Task A_body_client_id_equal_to_the_basic_credentials_is_accepted()
    {
        var form = Grant();
        form["client_id"] = Service;

        (await TokenAsync(form, Basic(Service, Secret))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
