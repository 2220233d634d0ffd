using SessionClient;
using static SessionKit.Tests.Unit.Cookies.CookieJarTestSupport;

namespace SessionKit.Tests.Unit.Cookies;

public sealed class CookieJarSecurityTests
{
    [Test]
    public void Secure_cookie_is_not_sent_over_plain_http()
    {
        var (jar, _) = NewJar();
        jar.SetCookies(Url("https://example.com/"), "sid=1; Secure").ShouldBeTrue();

        jar.GetCookieHeader(Url("http://example.com/")).ShouldBe("");
        jar.GetCookieHeader(Url("https://example.com/")).ShouldBe("sid=1");
    }

    [Test]
    public void Secure_cookie_from_plain_http_is_ignored()
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Url("http://example.com/"), "sid=1; Secure").ShouldBeFalse();

        jar.Count.ShouldBe(0);
    }

    [TestCase("http://localhost:5000/")]
    [TestCase("http://api.localhost/")]
    [TestCase("http://127.0.0.1:8080/")]
    [TestCase("http://127.8.9.10/")]
    [TestCase("http://[::1]:8080/")]
    public void Loopback_over_plain_http_counts_as_a_secure_origin(string url)
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Url(url), "__Host-sid=1; Secure; Path=/").ShouldBeTrue();

        jar.GetCookieHeader(Url(url)).ShouldBe("__Host-sid=1");
    }

    [Test]
    public void Loopback_is_an_ordinary_origin_when_the_option_is_off()
    {
        var (jar, _) = NewJar(new CookieJarOptions { TreatLoopbackAsSecure = false });

        jar.SetCookies(Url("http://localhost/"), "sid=1; Secure").ShouldBeFalse();
    }

    [Test]
    public void Plain_http_cannot_overwrite_or_shadow_a_secure_cookie()
    {
        var (jar, _) = NewJar();
        jar.SetCookies(Url("https://example.com/"), "sid=good; Secure");

        jar.SetCookies(Url("http://example.com/"), "sid=evil").ShouldBeFalse();
        jar.SetCookies(Url("http://www.example.com/"), "sid=evil; Domain=example.com").ShouldBeFalse();
        jar.SetCookies(Url("http://example.com/"), "sid=evil; Path=/deeper").ShouldBeFalse();

        jar.GetCookieHeader(Url("https://example.com/deeper")).ShouldBe("sid=good");
        jar.SetCookies(Url("http://example.com/"), "other=fine").ShouldBeTrue();
    }

    [TestCase("__Secure-id=1; Secure", true)]
    [TestCase("__Secure-id=1", false)]
    [TestCase("__secure-id=1", false)]
    [TestCase("__Host-id=1; Secure; Path=/", true)]
    [TestCase("__Host-id=1; Secure", false)]
    [TestCase("__Host-id=1; Path=/", false)]
    [TestCase("__Host-id=1; Secure; Path=/app", false)]
    [TestCase("__Host-id=1; Secure; Path=/; Domain=example.com", false)]
    [TestCase("__HOST-id=1; Secure; Path=/; Domain=example.com", false)]
    public void Cookie_prefixes_are_enforced_over_https(string header, bool stored)
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Url("https://example.com/app/page"), header).ShouldBe(stored);
    }

    [Test]
    public void Secure_prefix_from_a_non_secure_origin_is_ignored()
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Url("http://example.com/"), "__Secure-id=1; Secure").ShouldBeFalse();
    }

    public static IEnumerable<TestCaseData> SuffixLists()
    {
        yield return new TestCaseData(PublicSuffixList.BuiltIn).SetName("{m}(built-in fallback)");
        yield return new TestCaseData(PublicSuffixList.Default).SetName("{m}(default list)");
    }

    [TestCaseSource(nameof(SuffixLists))]
    public void Domain_attribute_naming_a_public_suffix_is_rejected(PublicSuffixList suffixes)
    {
        var (jar, _) = NewJar(new CookieJarOptions { PublicSuffixes = suffixes });

        jar.SetCookies(Url("http://www.example.com/"), "a=1; Domain=com").ShouldBeFalse();
        jar.SetCookies(Url("http://www.example.com/"), "a=1; Domain=.com").ShouldBeFalse();
        jar.SetCookies(Url("http://shop.example.co.uk/"), "a=1; Domain=co.uk").ShouldBeFalse();
        jar.SetCookies(Url("http://shop.example.co.uk/"), "b=2; Domain=example.co.uk").ShouldBeTrue();

        jar.GetCookieHeader(Url("http://www.example.co.uk/")).ShouldBe("b=2");
        jar.Count.ShouldBe(1);
    }

    [TestCaseSource(nameof(SuffixLists))]
    public void Public_suffix_domain_equal_to_the_host_becomes_host_only(PublicSuffixList suffixes)
    {
        var (jar, _) = NewJar(new CookieJarOptions { PublicSuffixes = suffixes });

        jar.SetCookies(Url("http://co.uk/"), "a=1; Domain=co.uk").ShouldBeTrue();

        jar.Get("a")!.HostOnly.ShouldBeTrue();
        jar.GetCookieHeader(Url("http://example.co.uk/")).ShouldBe("");
    }

    [Test]
    public void Private_suffixes_are_refused_when_the_full_list_is_installed()
    {
        Assume.That(PublicSuffixList.Default.Source, Is.EqualTo(PublicSuffixList.DebianPath), "needs Debian's publicsuffix package");
        var (jar, _) = NewJar();

        jar.SetCookies(Url("https://mine.github.io/"), "a=1; Domain=github.io").ShouldBeFalse();
    }

    [Test]
    public void Ip_address_hosts_never_domain_match_other_hosts()
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Url("http://10.0.0.1/"), "a=1; Domain=0.0.1").ShouldBeFalse();
        jar.SetCookies(Url("http://10.0.0.1/"), "b=2; Domain=10.0.0.1").ShouldBeTrue();

        jar.Get("b")!.HostOnly.ShouldBeTrue();
        jar.GetCookieHeader(Url("http://10.0.0.1/")).ShouldBe("b=2");
    }

    [Test]
    public void Domain_attribute_must_cover_the_request_host()
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Url("http://www.example.com/"), "a=1; Domain=other.com").ShouldBeFalse();
        jar.SetCookies(Url("http://www.example.com/"), "a=1; Domain=sub.www.example.com").ShouldBeFalse();
        jar.SetCookies(Url("http://www.example.com/"), "a=1; Domain=EXAMPLE.com").ShouldBeTrue();

        jar.GetCookieHeader(Url("http://api.example.com/")).ShouldBe("a=1");
        jar.GetCookieHeader(Url("http://notexample.com/")).ShouldBe("");
    }

    [Test]
    public void A_sibling_host_whose_length_lines_up_with_a_dot_cannot_set_a_cookie_for_another_domain()
    {
        var (jar, _) = NewJar();

        // "www.evil.example" has a '.' exactly where "bank.example" would need one if it were its parent.
        jar.SetCookies(Url("http://www.evil.example/"), "sid=planted; Domain=bank.example").ShouldBeFalse();

        jar.GetCookieHeader(Url("http://bank.example/")).ShouldBe("");
        jar.Count.ShouldBe(0);
    }

    [Test]
    public void A_bare_domain_attribute_without_a_value_leaves_the_cookie_host_only()
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Url("http://www.example.com/"), "sid=1; Domain").ShouldBeTrue();

        jar.Get("sid")!.HostOnly.ShouldBeTrue();
        jar.GetCookieHeader(Url("http://api.www.example.com/")).ShouldBe("");
    }
}
