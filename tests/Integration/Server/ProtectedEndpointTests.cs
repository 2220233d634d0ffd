using System.Net;

namespace SessionKit.Tests.Integration.Server;

public class ProtectedEndpointTests : ServerTestBase
{
    [Test]
    public async Task A_live_session_cookie_opens_the_protected_route()
    {
        var id = SessionIdFrom(await LoginAsync());

        var response = await GetWithCookieAsync("/protected", $"user_id={id}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"message":"You have access to this protected route"}""");
    }

    [Test]
    public async Task No_cookie_answers_401_with_the_tutorial_body()
    {
        var response = await Client.GetAsync("/protected");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"detail":"Unauthorized"}""");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Test]
    public async Task A_stale_cookie_beside_a_live_one_does_not_lock_the_user_out()
    {
        var id = SessionIdFrom(await LoginAsync());

        var response = await GetWithCookieAsync("/protected", $"user_id=00000000000000000000000000000000; user_id={id}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
