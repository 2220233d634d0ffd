using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace SessionKit.Tests.Integration.Server;

/// <summary>Shared steps of the token and OAuth tests: log in, call /api/me, run the authorization-code flow.</summary>
public abstract class TokenTestBase : ServerTestBase
{
    // RFC 7636 Appendix B.
    protected const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    protected const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    protected const string DemoApp = "demo-app";
    protected const string Callback = "http://127.0.0.1/callback";

    protected async Task<JsonElement> TokenLoginAsync(string username = "some_name", string password = "pass")
    {
        var response = await Client.PostAsJsonAsync("/api/auth/login", new { username, password });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await JsonOf(response);
    }

    protected Task<HttpResponseMessage> MeAsync(string? accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return Client.SendAsync(request);
    }

    protected Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        Client.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = refreshToken });

    protected static string Basic(string user, string password) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    protected static string AuthorizeQuery(Dictionary<string, string?>? overrides = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = DemoApp,
            ["redirect_uri"] = Callback,
            ["scope"] = "read",
            ["state"] = "xyz 1/2",
            ["code_challenge"] = Challenge,
            ["code_challenge_method"] = "S256",
        };
        foreach (var (k, v) in overrides ?? []) query[k] = v;
        return QueryHelpers.AddQueryString("/oauth/authorize", query.Where(p => p.Value is not null));
    }

    /// <summary>GET /oauth/authorize as some_name via HTTP Basic.</summary>
    protected Task<HttpResponseMessage> AuthorizeAsync(Dictionary<string, string?>? overrides = null, string user = "some_name",
        string password = "pass")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, AuthorizeQuery(overrides));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Basic(user, password));
        return Client.SendAsync(request);
    }

    /// <summary>The query of a redirect's Location.</summary>
    protected static Dictionary<string, string> RedirectQuery(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var location = response.Headers.Location.ShouldNotBeNull();
        location.GetLeftPart(UriPartial.Path).ShouldBe(Callback);
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    protected async Task<string> CodeAsync()
    {
        var query = RedirectQuery(await AuthorizeAsync());
        query["state"].ShouldBe("xyz 1/2");
        return query["code"];
    }

    protected Task<HttpResponseMessage> TokenAsync(Dictionary<string, string> form, string? basic = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = new FormUrlEncodedContent(form) };
        if (basic is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        return Client.SendAsync(request);
    }

    protected Task<HttpResponseMessage> ExchangeAsync(string code, string verifier = Verifier, string redirectUri = Callback,
        string clientId = DemoApp) =>
        TokenAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = clientId,
            ["code_verifier"] = verifier,
        });

    /// <summary>Asserts an RFC 6749 §5.2 error answer and returns its error code.</summary>
    protected static async Task<string> OAuthErrorOf(HttpResponseMessage response, int status = 400)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, body);
        response.Content.Headers.ContentType.ShouldNotBeNull().MediaType.ShouldBe("application/json");
        response.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
        var json = JsonDocument.Parse(body).RootElement;
        json.GetProperty("error_description").GetString().ShouldNotBeNullOrEmpty();
        return json.GetProperty("error").GetString()!;
    }
}
