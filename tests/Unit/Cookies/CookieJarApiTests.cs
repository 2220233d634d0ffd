using SessionClient;
using static SessionKit.Tests.Unit.Cookies.CookieJarTestSupport;

namespace SessionKit.Tests.Unit.Cookies;

public sealed class CookieJarApiTests
{
    [Test]
    public void Set_without_a_leading_dot_makes_a_host_only_cookie()
    {
        var (jar, _) = NewJar();

        var cookie = jar.Set("a", "1", "Example.com");

        cookie.ShouldBe(jar.Get("a"));
        cookie.HostOnly.ShouldBeTrue();
        cookie.Domain.ShouldBe("example.com");
        jar.GetCookieHeader(Url("http://example.com/")).ShouldBe("a=1");
        jar.GetCookieHeader(Url("http://www.example.com/")).ShouldBe("");
    }

    [Test]
    public void Set_with_a_leading_dot_makes_a_domain_cookie()
    {
        var (jar, _) = NewJar();

        jar.Set("a", "1", ".example.com", path: "/api", secure: true, httpOnly: true, sameSite: SameSiteMode.Strict);

        var cookie = jar.Get("a", "example.com")!;
        cookie.ShouldSatisfyAllConditions(
            () => cookie.HostOnly.ShouldBeFalse(),
            () => cookie.Path.ShouldBe("/api"),
            () => cookie.Secure.ShouldBeTrue(),
            () => cookie.HttpOnly.ShouldBeTrue(),
            () => cookie.SameSite.ShouldBe(SameSiteMode.Strict));
        jar.GetCookieHeader(Url("https://www.example.com/api/users")).ShouldBe("a=1");
        jar.GetCookieHeader(Url("https://www.example.com/")).ShouldBe("");
    }

    [TestCase("", "1", "example.com")]
    [TestCase("a;b", "1", "example.com")]
    [TestCase("a", "1;2", "example.com")]
    [TestCase("a", "1\r\nX: y", "example.com")]
    [TestCase("a", "1", ".com")]
    public void Set_rejects_a_cookie_that_could_not_be_sent_as_given(string name, string value, string domain)
    {
        var (jar, _) = NewJar();

        Assert.Catch<ArgumentException>(() => jar.Set(name, value, domain));
    }

    [Test]
    public void Get_Remove_Clear_and_ToDictionary_work_like_requests()
    {
        var (jar, clock) = NewJar();
        jar.Set("sid", "1", "a.example");
        clock.Advance(TimeSpan.FromSeconds(1));
        jar.Set("sid", "2", "b.example");
        jar.Set("theme", "dark", "a.example", path: "/settings");

        jar.Get("sid")!.Value.ShouldBe("1");
        jar.Get("sid", "b.example")!.Value.ShouldBe("2");
        jar.Get("missing").ShouldBeNull();
        jar.ToDictionary().ShouldBe(new Dictionary<string, string> { ["sid"] = "2", ["theme"] = "dark" }, ignoreOrder: true);

        jar.Remove("theme", path: "/").ShouldBeFalse();
        jar.Remove("theme", "a.example", "/settings").ShouldBeTrue();
        jar.Remove("sid", ".b.example").ShouldBeTrue();
        jar.Select(c => $"{c.Name}@{c.Domain}").ShouldBe(["sid@a.example"]);

        jar.Clear();
        jar.Count.ShouldBe(0);
        jar.ShouldBeEmpty();
    }

    [TestCase("SameSite=Strict", SameSiteMode.Strict)]
    [TestCase("samesite=lax", SameSiteMode.Lax)]
    [TestCase("SameSite=None; Secure", SameSiteMode.None)]
    [TestCase("SameSite=bogus", SameSiteMode.Unspecified)]
    [TestCase("HttpOnly", SameSiteMode.Unspecified)]
    public void SameSite_attribute_is_exposed(string attributes, SameSiteMode expected)
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Url("https://example.com/"), "a=1; " + attributes);

        jar.Get("a")!.SameSite.ShouldBe(expected);
    }

    [Test]
    public void HttpOnly_is_stored_and_still_sent_by_an_http_client()
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Url("http://example.com/"), "a=1; HttpOnly");

        jar.Get("a")!.HttpOnly.ShouldBeTrue();
        jar.GetCookieHeader(Url("http://example.com/")).ShouldBe("a=1");
    }

    [Test]
    public void Commas_are_never_cookie_separators()
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Url("http://example.com/"), "a=b, c=d; Expires=Wed, 09 Jun 2100 10:18:14 GMT");

        jar.Select(c => c.Value).ShouldBe(["b, c=d"]);
        jar.Get("a")!.Expires.ShouldBe(new DateTimeOffset(2100, 6, 9, 10, 18, 14, TimeSpan.Zero));
    }

    [Test]
    public void Several_header_values_are_stored_in_order()
    {
        var (jar, _) = NewJar();

        var changed = jar.SetCookies(Url("http://example.com/"), ["a=1", "junk", "b=2", "a=3"]);

        changed.ShouldBe(3);
        jar.GetCookieHeader(Url("http://example.com/")).ShouldBe("a=3; b=2");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(";;;")]
    [TestCase("=")]
    [TestCase("\0")]
    [TestCase("a\u0001=b")]
    public void Unusable_header_text_is_ignored_without_throwing(string? header)
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Url("http://example.com/"), header).ShouldBeFalse();
    }

    [Test]
    public void A_uri_without_a_host_is_an_argument_error()
    {
        var (jar, _) = NewJar();

        Assert.Catch<ArgumentException>(() => jar.SetCookies(null!, "a=1"));
        Assert.Catch<ArgumentException>(() => jar.SetCookies(new Uri("/relative", UriKind.Relative), "a=1"));
        Assert.Catch<ArgumentException>(() => jar.GetCookieHeader(new Uri("file:///tmp/x")));
    }

    [Test]
    public void Host_names_are_compared_case_insensitively_and_idn_hosts_use_their_ascii_form()
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Url("http://WWW.Example.COM/"), "a=1");
        jar.SetCookies(Url("http://bücher.example/"), "b=2; Domain=BÜCHER.example");

        jar.GetCookieHeader(Url("http://www.example.com/")).ShouldBe("a=1");
        jar.Get("b")!.Domain.ShouldBe("xn--bcher-kva.example");
        jar.GetCookieHeader(Url("http://shop.xn--bcher-kva.example/")).ShouldBe("b=2");
    }

    [Test]
    public void Cookies_are_sent_longest_path_first_then_oldest_first()
    {
        var (jar, clock) = NewJar();
        var page = Url("http://example.com/a/b/page");
        jar.SetCookies(page, "root=1; Path=/");
        clock.Advance(TimeSpan.FromSeconds(1));
        jar.SetCookies(page, "deep=1");          // default-path /a/b
        jar.SetCookies(page, "mid=1; Path=/a");
        jar.SetCookies(page, "root2=1; Path=/");

        jar.GetCookieHeader(page).ShouldBe("deep=1; mid=1; root=1; root2=1");
        jar.GetCookies(page).Select(c => c.Path).ShouldBe(["/a/b", "/a", "/", "/"]);
    }
}
