using SessionClient;
using static SessionKit.Tests.Unit.Cookies.CookieJarTestSupport;

namespace SessionKit.Tests.Unit.Cookies;

public sealed class CookieJarLimitsTests
{
    private static readonly Uri Site = Url("http://www.example.com/");

    [Test]
    public void Cookie_of_4096_bytes_is_kept_and_one_byte_more_is_ignored()
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Site, "a=" + new string('x', 4095)).ShouldBeTrue();
        jar.SetCookies(Site, "b=" + new string('x', 4096)).ShouldBeFalse();

        jar.Select(c => c.Name).ShouldBe(["a"]);
    }

    [Test]
    public void Least_recently_used_cookie_is_evicted_when_a_site_is_full()
    {
        var (jar, clock) = NewJar(new CookieJarOptions { MaxCookiesPerDomain = 3 });
        foreach (var name in new[] { "one", "two", "three" })
        {
            jar.SetCookies(Site, $"{name}=1; Path=/{name}");
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        jar.GetCookieHeader(Url("http://www.example.com/one")).ShouldBe("one=1"); // "two" is now the least recently used

        jar.SetCookies(Url("http://api.example.com/"), "four=1; Domain=example.com").ShouldBeTrue();

        jar.Select(c => c.Name).ShouldBe(["one", "three", "four"], ignoreOrder: true);
    }

    [Test]
    public void Expired_cookies_are_evicted_before_live_ones()
    {
        var (jar, clock) = NewJar(new CookieJarOptions { MaxCookiesPerDomain = 3 });
        jar.SetCookies(Site, "short=1; Max-Age=10");
        jar.SetCookies(Site, "a=1");
        jar.SetCookies(Site, "b=1");
        clock.Advance(TimeSpan.FromSeconds(11));

        jar.SetCookies(Site, "c=1");

        jar.Select(c => c.Name).ShouldBe(["a", "b", "c"]);
    }

    [Test]
    public void Total_limit_evicts_the_least_recently_used_across_sites()
    {
        var (jar, clock) = NewJar(new CookieJarOptions { MaxCookies = 10 });
        for (var i = 0; i < 25; i++)
        {
            jar.SetCookies(Url($"http://site{i}.example{i}.com/"), $"c{i}=1").ShouldBeTrue();
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        jar.Count.ShouldBeLessThanOrEqualTo(10);
        jar.Get("c24").ShouldNotBeNull();
        jar.Get("c0").ShouldBeNull();
    }

    [Test]
    public void Reaching_the_total_limit_evicts_a_tenth_of_the_jar_not_all_of_it()
    {
        var (jar, clock) = NewJar(new CookieJarOptions { MaxCookies = 20 });
        for (var i = 0; i < 21; i++)
        {
            jar.SetCookies(Url($"http://site{i}.example{i}.com/"), $"c{i}=1").ShouldBeTrue();
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        // 21 > 20: down to 20 - 20/10 = 18, the three least recently used gone.
        jar.Count.ShouldBe(18);
        jar.Select(c => c.Name).ShouldBe(Enumerable.Range(3, 18).Select(i => $"c{i}"));
    }

    [Test]
    public void A_site_holds_exactly_its_limit_before_evicting()
    {
        var (jar, _) = NewJar(new CookieJarOptions { MaxCookiesPerDomain = 3 });

        jar.SetCookies(Site, "a=1");
        jar.SetCookies(Site, "b=1");
        jar.SetCookies(Site, "c=1");

        jar.Select(c => c.Name).ShouldBe(["a", "b", "c"]);
    }

    [Test]
    public void An_expired_cookie_on_a_sibling_domain_is_evicted_before_a_live_one_when_a_site_is_full()
    {
        var (jar, clock) = NewJar(new CookieJarOptions { MaxCookiesPerDomain = 3 });
        jar.SetCookies(Site, "live1=1");
        clock.Advance(TimeSpan.FromSeconds(1));
        jar.SetCookies(Url("http://api.example.com/"), "short=1; Max-Age=5");
        jar.SetCookies(Site, "live2=1");
        clock.Advance(TimeSpan.FromSeconds(10));

        jar.SetCookies(Site, "live3=1");

        jar.Select(c => c.Name).ShouldBe(["live1", "live2", "live3"]);
    }

    [Test]
    public void Expired_cookies_of_other_sites_are_purged_before_the_total_limit_evicts_a_live_one()
    {
        var (jar, clock) = NewJar(new CookieJarOptions { MaxCookies = 3 });
        jar.SetCookies(Url("http://b.example/"), "x=1");
        clock.Advance(TimeSpan.FromSeconds(1));
        jar.SetCookies(Url("http://a.example/"), "short=1; Max-Age=5");
        jar.SetCookies(Url("http://c.example/"), "y=1");
        clock.Advance(TimeSpan.FromSeconds(10));

        jar.SetCookies(Url("http://d.example/"), "z=1");

        jar.Select(c => c.Name).ShouldBe(["x", "y", "z"]);
    }
}
