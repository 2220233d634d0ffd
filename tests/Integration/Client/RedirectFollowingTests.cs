using System.Net;
using SessionClient;

namespace SessionKit.Tests.Integration.Client;

public class RedirectFollowingTests : InProcessSessionTestBase
{
    private static readonly Dictionary<string, string> Login = new() { ["username"] = "some_name", ["password"] = "pass" };

    [Test]
    public async Task A_307_keeps_the_method_and_the_body()
    {
        await using var session = NewSession();

        var response = await session.PostFormAsync("/redirect-to?url=/api/login&status_code=307", Login);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.RequestMessage!.Method.ShouldBe(HttpMethod.Post);
        session.Cookies.ToDictionary().Keys.ShouldContain("user_id");
    }

    [Test]
    public async Task A_308_keeps_the_method_and_the_body()
    {
        await using var session = NewSession();

        (await session.PostFormAsync("/redirect-to?url=/api/login&status_code=308", Login)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [TestCase(301)]
    [TestCase(302)]
    [TestCase(303)]
    public async Task A_post_redirected_by_301_302_or_303_becomes_a_get_without_body(int status)
    {
        await using var session = NewSession();

        var response = await session.PostFormAsync($"/redirect-to?url=/get&status_code={status}", Login);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.RequestMessage!.Method.ShouldBe(HttpMethod.Get);
        response.RequestMessage.Content.ShouldBeNull();
    }

    [Test]
    public async Task A_303_turns_a_put_into_a_get()
    {
        await using var session = NewSession();

        var response = await session.PutAsync("/redirect-to?url=/get&status_code=303", new StringContent("x"));

        response.RequestMessage!.Method.ShouldBe(HttpMethod.Get);
    }

    [Test]
    public async Task A_chain_is_followed_to_its_end_with_its_history()
    {
        await using var session = NewSession();

        var response = await session.GetAsync("/redirect/4");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.History().Count.ShouldBe(4);
        response.History()[0].RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/redirect/4");
    }

    [Test]
    public async Task Going_past_max_redirects_ends_in_a_clear_exception()
    {
        await using var session = NewSession();
        session.MaxRedirects = 3;

        var error = await Should.ThrowAsync<TooManyRedirectsException>(() => session.GetAsync("/redirect/5"));

        error.MaxRedirects.ShouldBe(3);
        error.Message.ShouldContain("Exceeded 3 redirects");
    }

    [Test]
    public async Task Redirects_can_be_left_unfollowed_per_request()
    {
        await using var session = NewSession();

        var response = await session.GetAsync("/redirect/2", new RequestOptions { AllowRedirects = false });

        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.Location!.OriginalString.ShouldBe("/relative-redirect/1");
    }
}
