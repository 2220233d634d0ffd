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
}
