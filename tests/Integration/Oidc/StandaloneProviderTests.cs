using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.OidcClient;
using SessionKit.Tests.Integration.Standalone;

namespace SessionKit.Tests.Integration.Oidc;

/// <summary>
/// The standalone server as an identity provider for clients no one here wrote: Duende's certified OidcClient signs a
/// user in (code + PKCE, id_token, userinfo, refresh), and Python's PyJWT verifies the tokens against the JWKS.
/// </summary>
[NonParallelizable]
public class StandaloneProviderTests
{
    private StandaloneServer _server = null!;
    private string _base = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _server = await StandaloneServer.StartAsync();
        _base = _server.BaseAddress.ToString().TrimEnd('/');
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private OidcClient Client(string username = "some_name", string password = "pass") => new(new OidcClientOptions
    {
        Authority = _base,
        ClientId = "demo-app",
        RedirectUri = "http://127.0.0.1/callback", // demo-app's registered URI; the browser stops there
        Scope = "openid profile read",
        Browser = new HttpSessionBrowser(username, password),
        IdentityTokenValidator = new JwksIdentityTokenValidator(_http, $"{_base}/.well-known/jwks.json"),
        Policy = { Discovery = { RequireHttps = false } },
        DisablePushedAuthorization = true,
    });

    [Test]
    public async Task Duendes_OidcClient_logs_in_with_code_pkce_and_a_validated_id_token()
    {
        var result = await Client().LoginAsync();

        result.IsError.ShouldBeFalse(result.Error + " " + result.ErrorDescription);
        result.User.FindFirst("sub")!.Value.ShouldBe("some_name");
        result.AccessToken.Split('.').Length.ShouldBe(3);
        result.RefreshToken.ShouldNotBeNullOrEmpty();
    }

    [Test]
    public async Task Duendes_OidcClient_refreshes_and_the_new_access_token_is_accepted()
    {
        var client = Client();
        var login = await client.LoginAsync();

        var refreshed = await client.RefreshTokenAsync(login.RefreshToken);

        refreshed.IsError.ShouldBeFalse(refreshed.Error + " " + refreshed.ErrorDescription);
        refreshed.AccessToken.ShouldNotBe(login.AccessToken);
        var info = await client.GetUserInfoAsync(refreshed.AccessToken);
        info.IsError.ShouldBeFalse(info.Error);
        info.Claims.Single(c => c.Type == "sub").Value.ShouldBe("some_name");
    }

    [Test]
    public async Task Duendes_OidcClient_reports_a_wrong_password_as_an_error_not_a_login()
    {
        var result = await Client(password: "wrong").LoginAsync();

        result.IsError.ShouldBeTrue();
    }

    private async Task<string> ClientCredentialsTokenAsync()
    {
        var response = await _http.PostAsync($"{_base}/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "demo-service", ["client_secret"] = "demo-service-secret", ["scope"] = "read",
        }));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private async Task<ExternalTool.Result> PyJwtAsync(string audience, string token)
    {
        var python = await ExternalTool.PythonWithJwtAsync();
        var script = Path.Combine(AppContext.BaseDirectory, "PythonClients", "verify_jwt.py");
        return await ExternalTool.RunAsync(python, [script, _base, audience, token]);
    }

    [Test]
    public async Task PyJWT_verifies_an_access_token_against_the_servers_jwks()
    {
        var result = await PyJwtAsync("demo-api", await ClientCredentialsTokenAsync());

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.Trim().ShouldBe("sub=demo-service scope=read");
    }

    [Test]
    public async Task PyJWT_refuses_a_token_for_another_audience()
    {
        var result = await PyJwtAsync("someone-else", await ClientCredentialsTokenAsync());

        result.ExitCode.ShouldBe(1);
        result.StdOut.Trim().ShouldBe("refused: InvalidAudienceError");
    }

    [Test]
    public async Task PyJWT_refuses_a_token_whose_payload_was_changed()
    {
        var parts = (await ClientCredentialsTokenAsync()).Split('.');
        var payload = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]).Replace("demo-service", "demo-servicf");
        var tampered = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var result = await PyJwtAsync("demo-api", tampered);

        result.ExitCode.ShouldBe(1);
        result.StdOut.Trim().ShouldBe("refused: InvalidSignatureError");
    }
}
