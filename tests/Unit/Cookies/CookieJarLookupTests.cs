using SessionClient;
using static SessionKit.Tests.Unit.Cookies.CookieJarTestSupport;

namespace SessionKit.Tests.Unit.Cookies;

public sealed class CookieJarLookupTests
{
    [Test]
    public void A_request_only_touches_the_cookies_that_could_match_its_host()
    {
        var (jar, clock) = NewJar();
        jar.SetCookies(Url("http://www.example.com/"), "mine=1; Max-Age=10");
        jar.SetCookies(Url("http://api.example.com/"), "api=1; Max-Age=10");
        jar.SetCookies(Url("http://other.org/"), "theirs=1; Max-Age=10");
        jar.SetCookies(Url("http://other.org/"), "kept=1");
        clock.Advance(TimeSpan.FromSeconds(20));

        jar.GetCookieHeader(Url("http://api.example.com/")).ShouldBe("");

        // Expired cookies are purged lazily, per exact domain: the lookup visited api.example.com (and
        // example.com, empty) only, so www.example.com's and other.org's expired cookies are still held.
        jar.StoredIncludingExpired.ShouldBe(3);
        jar.Get("kept")!.LastAccess.ShouldBe(Start);

        jar.GetCookieHeader(Url("http://www.example.com/")).ShouldBe("");
        jar.StoredIncludingExpired.ShouldBe(2);
    }

    [TestCase("http://a.b.c.example.com/", "top=1; deep=1")] // same path: older first
    [TestCase("http://c.example.com/", "top=1")]
    [TestCase("http://example.com/", "top=1")]
    [TestCase("http://notexample.com/", "")]
    public void A_domain_cookie_reaches_every_depth_of_subdomain_and_nothing_beside_it(string url, string expected)
    {
        var (jar, _) = NewJar();
        jar.SetCookies(Url("http://www.example.com/"), "top=1; Domain=example.com");
        jar.SetCookies(Url("http://b.c.example.com/"), "deep=1; Domain=b.c.example.com");

        jar.GetCookieHeader(Url(url)).ShouldBe(expected);
    }

    [Test]
    public void A_host_only_cookie_of_a_public_suffix_host_is_not_sent_to_the_hosts_under_it()
    {
        var (jar, _) = NewJar();
        jar.SetCookies(Url("http://github.io/"), "suffix=1").ShouldBeTrue(); // host-only: allowed, but only for github.io

        jar.GetCookieHeader(Url("http://github.io/")).ShouldBe("suffix=1");
        jar.GetCookieHeader(Url("http://someone.github.io/")).ShouldBe("");
    }

    [Test]
    public void Subdomains_share_their_site_and_find_each_others_domain_cookies()
    {
        var (jar, _) = NewJar();
        jar.SetCookies(Url("http://login.example.com/"), "sso=1; Domain=example.com");
        jar.SetCookies(Url("http://login.example.com/"), "local=1");

        jar.GetCookieHeader(Url("http://deep.api.example.com/")).ShouldBe("sso=1");
        jar.GetCookieHeader(Url("http://example.com/")).ShouldBe("sso=1");
        jar.GetCookieHeader(Url("http://login.example.com/")).ShouldBe("sso=1; local=1");
    }
}
