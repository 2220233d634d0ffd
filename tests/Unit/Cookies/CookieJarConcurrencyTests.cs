using SessionClient;

namespace SessionKit.Tests.Unit.Cookies;

public sealed class CookieJarConcurrencyTests
{
    [Test]
    public async Task Parallel_writers_and_readers_lose_no_cookie()
    {
        const int Tasks = 64, CookiesPerTask = 50;
        var jar = new CookieJar();

        // Each task owns a site (so no limit evicts anything) but all share one jar and one lock.
        var work = Enumerable.Range(0, Tasks).Select(t => Task.Run(() =>
        {
            var site = new Uri($"https://www.site{t}.example/");
            for (var i = 0; i < CookiesPerTask; i++)
            {
                jar.SetCookies(site, $"c{i}=v{t}; Path=/; Max-Age=3600").ShouldBeTrue();
                jar.GetCookieHeader(site).ShouldContain($"c{i}=v{t}");
                _ = jar.Count;
            }
        }));
        await Task.WhenAll(work);

        jar.Count.ShouldBe(Tasks * CookiesPerTask);
        for (var t = 0; t < Tasks; t++)
            jar.GetCookieHeader(new Uri($"https://www.site{t}.example/")).Split("; ").Length.ShouldBe(CookiesPerTask);
    }
}
