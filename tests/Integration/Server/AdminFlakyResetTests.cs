using System.Net;
using FakeAuthServer.Testing;

namespace SessionKit.Tests.Integration.Server;

/// <summary>POST /_admin/flaky/reset: the retry lesson can run again, and nothing else of the server changes.</summary>
public class AdminFlakyResetTests : ServerTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory().WithAdminApi();

    [Test]
    public async Task Fail_first_counts_from_the_start_again_and_the_session_lives_on()
    {
        var sessionId = SessionIdFrom(await LoginAsync());
        (await Client.GetAsync("/flaky?fail_first=1")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await Client.GetAsync("/flaky?fail_first=1")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Client.PostAsync("/_admin/flaky/reset", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await Client.GetAsync("/flaky?fail_first=1")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await GetWithCookieAsync("/protected", $"user_id={sessionId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
