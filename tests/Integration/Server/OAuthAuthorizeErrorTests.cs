using System.Net;

namespace SessionKit.Tests.Integration.Server;

/// <summary>RFC 6749 §4.1.2.1: a bad client or redirect URI is told to the user; everything else goes back to the client.</summary>
public class OAuthAuthorizeErrorTests : TokenTestBase
{
    [TestCase("client_id", "no-such-client")]
    [TestCase("client_id", null)]
    [TestCase("redirect_uri", "http://evil.example/callback")]
    [TestCase("redirect_uri", "http://127.0.0.1/callback/../other")]
    [TestCase("redirect_uri", "http://127.0.0.1/callback?x=1")]
    public async Task An_unknown_client_or_unregistered_redirect_uri_gets_a_400_problem_and_never_a_redirect(string name, string? value)
    {
        var response = await AuthorizeAsync(new() { [name] = value });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
        response.Content.Headers.ContentType.ShouldNotBeNull().MediaType.ShouldBe("application/problem+json");
    }

    [Test]
    public async Task A_missing_redirect_uri_means_the_clients_only_registered_one()
    {
        RedirectQuery(await AuthorizeAsync(new() { ["redirect_uri"] = null })).ShouldContainKey("code");
    }

    [TestCase("response_type", "token", "unsupported_response_type")]
    [TestCase("response_type", null, "invalid_request")]
    [TestCase("code_challenge", null, "invalid_request")]
    [TestCase("code_challenge", "too-short", "invalid_request")]
    [TestCase("code_challenge_method", "plain", "invalid_request")]
    [TestCase("code_challenge_method", null, "invalid_request")]
    [TestCase("scope", "admin", "invalid_scope")]
    [TestCase("scope", "read \"quoted\"", "invalid_scope")]
    public async Task Other_errors_redirect_back_with_the_error_and_the_state(string name, string? value, string error)
    {
        var query = RedirectQuery(await AuthorizeAsync(new() { [name] = value }));

        query["error"].ShouldBe(error);
        query["state"].ShouldBe("xyz 1/2");
        query.ShouldNotContainKey("code");
    }

    [Test]
    public async Task A_wrong_user_password_redirects_with_access_denied()
    {
        var query = RedirectQuery(await AuthorizeAsync(password: "wrong"));

        query["error"].ShouldBe("access_denied");
        query.ShouldNotContainKey("code");
    }

    [Test]
    public async Task A_repeated_parameter_is_invalid_request()
    {
        var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, AuthorizeQuery() + "&scope=read")
        {
            Headers = { Authorization = new("Basic", Basic("some_name", "pass")) },
        });

        RedirectQuery(response)["error"].ShouldBe("invalid_request");
    }
}
