using SessionClient;
using static SessionKit.Tests.Unit.Cookies.CookieJarTestSupport;

namespace SessionKit.Tests.Unit.Cookies;

public sealed class CookieJarExpiryTests
{
    private static readonly Uri Site = Url("http://example.com/");

    [TestCase("a=1; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT")]
    [TestCase("a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60")]
    public void Max_age_wins_over_expires_whatever_the_order(string header)
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Site, header).ShouldBeTrue();

        jar.Get("a")!.Expires.ShouldBe(Start.AddSeconds(60));
    }

    [Test]
    public void Cookie_stops_being_sent_when_the_clock_passes_its_max_age()
    {
        var (jar, clock) = NewJar();
        jar.SetCookies(Site, "a=1; Max-Age=60");

        clock.Advance(TimeSpan.FromSeconds(59));
        jar.GetCookieHeader(Site).ShouldBe("a=1");

        clock.Advance(TimeSpan.FromSeconds(1));
        jar.GetCookieHeader(Site).ShouldBe("");
        jar.Count.ShouldBe(0);
        jar.Get("a").ShouldBeNull();
    }

    [Test]
    public void A_replacement_with_a_sooner_expiry_expires_at_the_sooner_time()
    {
        var (jar, clock) = NewJar();
        jar.SetCookies(Site, "a=1; Max-Age=3600");
        jar.SetCookies(Site, "keep=1"); // a session cookie in the same domain group
        jar.SetCookies(Site, "a=2; Max-Age=10");

        clock.Advance(TimeSpan.FromSeconds(10));

        jar.GetCookieHeader(Site).ShouldBe("keep=1");
    }

    [Test]
    public void After_one_cookie_expires_the_next_one_still_expires_on_time()
    {
        var (jar, clock) = NewJar();
        jar.SetCookies(Site, "soon=1; Max-Age=10");
        jar.SetCookies(Site, "later=1; Max-Age=20");

        clock.Advance(TimeSpan.FromSeconds(10));
        jar.GetCookieHeader(Site).ShouldBe("later=1");

        clock.Advance(TimeSpan.FromSeconds(10));
        jar.GetCookieHeader(Site).ShouldBe("");
        jar.StoredIncludingExpired.ShouldBe(0);
    }

    [Test]
    public void Expires_is_judged_by_the_time_provider()
    {
        var (jar, clock) = NewJar();

        jar.SetCookies(Site, "a=1; Expires=Tue, 01 Jan 2030 01:00:00 GMT").ShouldBeTrue();
        jar.SetCookies(Site, "old=1; Expires=Mon, 31 Dec 2029 23:59:59 GMT").ShouldBeFalse();
        jar.Get("a")!.Persistent.ShouldBeTrue();

        clock.Advance(TimeSpan.FromHours(1));
        jar.GetCookieHeader(Site).ShouldBe("");
    }

    [Test]
    public void Session_cookie_has_no_expiry()
    {
        var (jar, clock) = NewJar();
        jar.SetCookies(Site, "a=1");

        clock.Advance(TimeSpan.FromDays(3650));

        jar.Get("a")!.Expires.ShouldBeNull();
        jar.Get("a")!.Persistent.ShouldBeFalse();
    }

    [TestCase("a=gone; Max-Age=0")]
    [TestCase("a=gone; Max-Age=-1")]
    [TestCase("a=gone; Expires=Thu, 01 Jan 1970 00:00:00 GMT")]
    public void Expired_set_cookie_deletes_the_stored_cookie(string deletion)
    {
        var (jar, _) = NewJar();
        jar.SetCookies(Site, "a=1");

        jar.SetCookies(Site, deletion).ShouldBeTrue();

        jar.Count.ShouldBe(0);
        jar.SetCookies(Site, deletion).ShouldBeFalse();
    }

    [Test]
    public void Replacing_a_cookie_keeps_its_creation_time_and_send_order()
    {
        var (jar, clock) = NewJar();
        jar.SetCookies(Site, "a=1");
        clock.Advance(TimeSpan.FromMinutes(1));
        jar.SetCookies(Site, "b=1");
        clock.Advance(TimeSpan.FromMinutes(1));

        jar.SetCookies(Site, "a=2").ShouldBeTrue();

        var a = jar.Get("a")!;
        a.Value.ShouldBe("2");
        a.Created.ShouldBe(Start);
        a.LastAccess.ShouldBe(Start.AddMinutes(2));
        jar.GetCookieHeader(Site).ShouldBe("a=2; b=1");
    }

    [Test]
    public void Huge_max_age_saturates_instead_of_failing()
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Site, "a=1; Max-Age=99999999999999999999999").ShouldBeTrue();

        jar.Get("a")!.Expires.ShouldBe(DateTimeOffset.MaxValue);
    }

    [Test]
    public void Count_enumeration_and_to_dictionary_leave_out_expired_cookies()
    {
        var (jar, clock) = NewJar();
        jar.SetCookies(Url("http://a.example/"), "short=1; Max-Age=10");
        jar.SetCookies(Url("http://b.example/"), "long=2; Max-Age=100");
        clock.Advance(TimeSpan.FromSeconds(11));

        jar.Count.ShouldBe(1);
        jar.StoredIncludingExpired.ShouldBe(1);
        jar.ToDictionary().Keys.ShouldBe(["long"]);
        jar.Select(c => c.Name).ShouldBe(["long"]);
    }

    [TestCase("Max-Age=")]
    [TestCase("Max-Age=-")]
    [TestCase("Max-Age")]
    [TestCase("Max-Age=1x")]
    public void A_max_age_without_digits_is_ignored_and_does_not_delete(string maxAge)
    {
        var (jar, _) = NewJar();
        jar.SetCookies(Url("http://example.com/"), "sid=1").ShouldBeTrue();

        jar.SetCookies(Url("http://example.com/"), "sid=2; " + maxAge).ShouldBeTrue();

        jar.Get("sid")!.Value.ShouldBe("2");
        jar.Get("sid")!.Expires.ShouldBeNull();
    }
}
