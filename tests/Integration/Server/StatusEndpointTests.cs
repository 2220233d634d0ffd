using System.Net;

namespace SessionKit.Tests.Integration.Server;

public class StatusEndpointTests : ServerTestBase
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    [Test]
    public async Task Status_answers_with_the_code_on_every_method_and_an_empty_body(
        [ValueSource(nameof(Methods))] string method, [Values(200, 204, 403, 404, 500, 503)] int code)
    {
        var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/status/{code}"));

        ((int)response.StatusCode).ShouldBe(code);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task A_redirect_status_points_at_redirect_one_like_httpbin()
    {
        var response = await Client.GetAsync("/status/302");

        response.Headers.Location!.OriginalString.ShouldBe("/redirect/1");
    }

    [Test]
    public async Task Status_401_carries_a_basic_challenge()
    {
        var response = await Client.GetAsync("/status/401");

        response.Headers.WwwAuthenticate.ToString().ShouldBe("Basic realm=\"Fake Realm\"");
    }

    [Test]
    public async Task A_weighted_choice_only_ever_answers_one_of_its_codes()
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < 40; i++) seen.Add((int)(await Client.GetAsync("/status/200:1,500:1")).StatusCode);

        seen.ShouldBeSubsetOf([200, 500]);
    }
}
