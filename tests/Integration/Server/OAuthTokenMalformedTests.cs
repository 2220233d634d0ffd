using System.Text;

namespace SessionKit.Tests.Integration.Server;

/// <summary>
/// Malformed requests to the OAuth endpoints (token, RFC 7662 introspection, RFC 7009 revocation) get RFC 6749 §5.2
/// error JSON (not problem details, not a 500), and the server carries on.
/// </summary>
public class OAuthTokenMalformedTests : TokenTestBase
{
    public record Case(string Name, string Error, string Body, string? ContentType, string Path = "/oauth/token")
    {
        public override string ToString() => Name;
    }

    private const string Form = "application/x-www-form-urlencoded";

    public static IEnumerable<Case> Cases() =>
    [
        new("JSON body", "invalid_request", """{"grant_type":"client_credentials"}""", "application/json"),
        new("no content type", "invalid_request", "grant_type=client_credentials", null),
        new("multipart body", "invalid_request", "--b\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nx\r\n--b--\r\n",
            "multipart/form-data; boundary=b"),
        new("missing grant_type", "invalid_request", "client_id=demo-app", Form),
        new("empty grant_type", "invalid_request", "grant_type=&client_id=demo-app", Form),
        new("unknown grant_type", "unsupported_grant_type", "grant_type=password&username=a&password=b", Form),
        new("repeated grant_type", "invalid_request", "grant_type=client_credentials&grant_type=refresh_token", Form),
        new("code grant without code", "invalid_request", "grant_type=authorization_code&client_id=demo-app&code_verifier=x", Form),
        new("code grant without verifier", "invalid_request", "grant_type=authorization_code&client_id=demo-app&code=abc", Form),
        new("form with percent-encoded invalid UTF-8", "invalid_request",
            "grant_type=authorization_code&client_id=demo-app&code=%00%FF&code_verifier=x", Form),
        new("code grant with a garbage code", "invalid_grant",
            "grant_type=authorization_code&client_id=demo-app&code=%3B%2F%2B" + new string('z', 600) + "&code_verifier=x", Form),
        new("refresh grant without refresh_token", "invalid_request", "grant_type=refresh_token&client_id=demo-app", Form),
        new("refresh grant with a malformed scope", "invalid_scope", "grant_type=refresh_token&client_id=demo-app&refresh_token=x&scope=%22", Form),
        new("huge parameter under the body limit", "invalid_grant",
            "grant_type=refresh_token&client_id=demo-app&refresh_token=" + new string('r', 60_000), Form),
        new("introspect: JSON instead of a form", "invalid_request", """{"token":"x"}""", "application/json", "/oauth/introspect"),
        new("introspect: repeated token", "invalid_request", "token=a&token=b&client_id=demo-service&client_secret=demo-service-secret", Form, "/oauth/introspect"),
        new("introspect: no token", "invalid_request", "client_id=demo-service&client_secret=demo-service-secret", Form, "/oauth/introspect"),
        new("revoke: no token", "invalid_request", "client_id=demo-app", Form, "/oauth/revoke"),
        new("revoke: JSON instead of a form", "invalid_request", """{"token":"x"}""", "application/json", "/oauth/revoke"),
        new("revoke: multipart body", "invalid_request", "--b\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\nx\r\n--b--\r\n",
            "multipart/form-data; boundary=b", "/oauth/revoke"),
    ];

    [TestCaseSource(nameof(Cases))]
    public async Task Bad_token_requests_get_RFC_6749_error_JSON(Case bad)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(bad.Body));
        if (bad.ContentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", bad.ContentType);

        var response = await Client.PostAsync(bad.Path, content);

        var body = await response.Content.ReadAsStringAsync();
        (await OAuthErrorOf(response)).ShouldBe(bad.Error, body);
        (await Client.GetAsync("/get")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }
}
