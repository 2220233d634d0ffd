using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace SessionKit.Tests.Integration.Server;

public class AuthEchoTests : ServerTestBase
{
    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private async Task<HttpResponseMessage> GetAsync(string path, AuthenticationHeaderValue? auth)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = auth;
        return await Client.SendAsync(request);
    }

    [Test]
    public async Task Basic_auth_with_the_path_credentials_is_authenticated()
    {
        var response = await GetAsync("/basic-auth/user/passwd", Basic("user", "passwd"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await JsonOf(response);
        json.GetProperty("authenticated").GetBoolean().ShouldBeTrue();
        json.GetProperty("user").GetString().ShouldBe("user");
    }

    [TestCase("user", "wrong")]
    [TestCase("other", "passwd")]
    public async Task Basic_auth_with_other_credentials_is_challenged(string user, string password)
    {
        var response = await GetAsync("/basic-auth/user/passwd", Basic(user, password));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Basic realm=\"Fake Realm\"");
    }

    [Test]
    public async Task Bearer_echoes_the_token()
    {
        var response = await GetAsync("/bearer", new AuthenticationHeaderValue("Bearer", "abc.def"));

        (await JsonOf(response)).GetProperty("token").GetString().ShouldBe("abc.def");
    }

    [Test]
    public async Task Bearer_without_a_token_is_challenged()
    {
        var response = await GetAsync("/bearer", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }
}
