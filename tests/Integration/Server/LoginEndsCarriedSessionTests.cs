using System.Net;

namespace SessionKit.Tests.Integration.Server;

public class LoginEndsCarriedSessionTests : ServerTestBase
{
    [Test]
    public async Task Logging_in_again_through_api_login_ends_the_session_the_client_carried()
    {
        var first = SessionIdFrom(await LoginAsync());

        var again = new HttpRequestMessage(HttpMethod.Post, "/api/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "some_name", ["password"] = "pass" }),
        };
        again.Headers.TryAddWithoutValidation("Cookie", $"user_id={first}");
        var second = SessionIdFrom(await Client.SendAsync(again));

        second.ShouldNotBe(first);
        (await GetWithCookieAsync("/protected", $"user_id={first}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetWithCookieAsync("/protected", $"user_id={second}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
