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

    [TestCase("200:1e308,201:1e308")]
    [TestCase("200:1.7976931348623157e308,500:1.7976931348623157e308,503:1")]
    public async Task Weights_whose_sum_overflows_get_a_400_problem_instead_of_always_the_last_code(string codes)
    {
        var response = await Client.GetAsync($"/status/{codes}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await JsonOf(response)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("weights");
    }

    [Test]
    public async Task A_weighted_choice_only_ever_answers_one_of_its_codes()
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < 40; i++) seen.Add((int)(await Client.GetAsync("/status/200:1,500:1")).StatusCode);

        seen.ShouldBeSubsetOf([200, 500]);
    }
}
