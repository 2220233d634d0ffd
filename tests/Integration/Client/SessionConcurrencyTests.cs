using System.Net;

namespace SessionKit.Tests.Integration.Client;

public class SessionConcurrencyTests : InProcessSessionTestBase
{
    [Test]
    public async Task Sixty_four_concurrent_requests_on_one_session_lose_no_cookie()
    {
        await using var session = NewSession();

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => session.GetAsync($"/cookies/set/c{i}/{i}")));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var cookies = session.Cookies.ToDictionary();
        cookies.Count.ShouldBe(64);
        for (var i = 0; i < 64; i++) cookies[$"c{i}"].ShouldBe(i.ToString());
    }
}
