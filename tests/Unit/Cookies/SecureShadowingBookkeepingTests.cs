using Microsoft.Extensions.Time.Testing;
using SessionClient;

namespace SessionKit.Tests.Unit.Cookies;

/// <summary>The store counts Secure cookies per site to skip the shadowing check; the count must follow every removal.</summary>
public class SecureShadowingBookkeepingTests
{
    private static readonly Uri Https = new("https://www.example.com/");
    private static readonly Uri Http = new("http://app.example.com/");

    [Test]
    public void Plain_http_may_set_the_name_again_once_the_secure_cookie_is_removed()
    {
        var jar = new CookieJar();
        jar.SetCookies(Https, "sid=secure; Secure; Domain=example.com").ShouldBeTrue();
        jar.SetCookies(Http, "sid=plain; Domain=example.com").ShouldBeFalse();

        jar.Remove("sid").ShouldBeTrue();

        jar.SetCookies(Http, "sid=plain; Domain=example.com").ShouldBeTrue();
    }

    [Test]
    public void Plain_http_may_set_the_name_again_once_the_secure_cookie_expires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var jar = new CookieJar(clock);
        jar.SetCookies(Https, "sid=secure; Secure; Domain=example.com; Max-Age=60");
        clock.Advance(TimeSpan.FromSeconds(61));

        jar.SetCookies(Http, "sid=plain; Domain=example.com").ShouldBeTrue();
    }

    [Test]
    public void Replacing_a_secure_cookie_with_a_plain_one_over_https_lifts_the_shadow()
    {
        var jar = new CookieJar();
        jar.SetCookies(Https, "sid=secure; Secure; Domain=example.com");
        jar.SetCookies(Https, "sid=now-plain; Domain=example.com").ShouldBeTrue();

        jar.SetCookies(Http, "sid=plain; Domain=example.com").ShouldBeTrue();
    }

    [Test]
    public void A_plain_cookie_upgraded_to_secure_over_https_can_no_longer_be_overwritten_over_http()
    {
        var jar = new CookieJar();
        jar.SetCookies(Https, "sid=plain; Domain=example.com").ShouldBeTrue();
        jar.SetCookies(Https, "sid=secure; Secure; Domain=example.com").ShouldBeTrue();

        jar.SetCookies(Http, "sid=evil; Domain=example.com").ShouldBeFalse();

        jar.GetCookieHeader(Https).ShouldBe("sid=secure");
    }

    [Test]
    public void Removing_a_plain_neighbour_keeps_the_secure_cookie_protected()
    {
        var jar = new CookieJar();
        jar.SetCookies(Https, "sid=secure; Secure; Domain=example.com").ShouldBeTrue();
        jar.SetCookies(Https, "theme=dark; Domain=example.com").ShouldBeTrue();

        jar.Remove("theme").ShouldBeTrue();

        jar.SetCookies(Http, "sid=evil; Domain=example.com").ShouldBeFalse();
        jar.GetCookieHeader(Https).ShouldBe("sid=secure");
    }

    [Test]
    public void A_secure_cookie_on_the_parent_domain_protects_its_name_on_a_child_host()
    {
        var jar = new CookieJar();
        jar.SetCookies(Https, "sid=secure; Secure; Domain=example.com").ShouldBeTrue();

        jar.SetCookies(new Uri("http://www.example.com/"), "sid=evil").ShouldBeFalse();

        jar.GetCookieHeader(Https).ShouldBe("sid=secure");
    }

    [Test]
    public void A_secure_host_only_cookie_on_a_child_host_protects_its_name_on_the_parent_domain()
    {
        var jar = new CookieJar();
        jar.SetCookies(Https, "sid=secure; Secure").ShouldBeTrue();

        jar.SetCookies(new Uri("http://www.example.com/"), "sid=evil; Domain=example.com").ShouldBeFalse();

        jar.GetCookieHeader(Https).ShouldBe("sid=secure");
    }

    [Test]
    public void After_clear_a_site_can_fill_up_again_and_evict_without_stale_counts()
    {
        var jar = new CookieJar(options: new CookieJarOptions { MaxCookiesPerDomain = 2 });
        jar.SetCookies(Https, "a=1").ShouldBeTrue();
        jar.SetCookies(new Uri("https://api.example.com/"), "b=1").ShouldBeTrue();

        jar.Clear();
        jar.SetCookies(Https, "c=1").ShouldBeTrue();
        jar.SetCookies(Https, "d=1").ShouldBeTrue();
        jar.SetCookies(Https, "e=1").ShouldBeTrue();

        jar.Select(c => c.Name).ShouldBe(["d", "e"]);
    }

    [Test]
    public void After_a_domain_loses_its_last_cookie_the_site_still_evicts_without_stale_counts()
    {
        var jar = new CookieJar(options: new CookieJarOptions { MaxCookiesPerDomain = 2 });
        jar.SetCookies(new Uri("https://api.example.com/"), "gone=1").ShouldBeTrue();
        jar.Remove("gone").ShouldBeTrue();

        jar.SetCookies(Https, "c=1").ShouldBeTrue();
        jar.SetCookies(Https, "d=1").ShouldBeTrue();
        jar.SetCookies(Https, "e=1").ShouldBeTrue();

        jar.Select(c => c.Name).ShouldBe(["d", "e"]);
    }
}
