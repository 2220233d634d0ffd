using SessionClient;
using static SessionKit.Tests.Unit.Cookies.CookieJarTestSupport;

namespace SessionKit.Tests.Unit.Cookies;

/// <summary>Exact limits the first Stryker run showed untested (issue 21): each rule at its edge, from both sides.</summary>
public sealed class CookieJarBoundaryTests
{
    [TestCase(1024, true)]
    [TestCase(1025, false)]
    public void A_path_attribute_of_1024_characters_is_kept_and_a_longer_one_ignored(int length, bool kept)
    {
        var (jar, _) = NewJar();
        var path = "/" + new string('p', length - 1);

        jar.SetCookies(Url("http://example.com/"), $"sid=1; Path={path}");

        (jar.Get("sid")?.Path == path).ShouldBe(kept);
    }

    [TestCase(1024, true)]
    [TestCase(1025, false)]
    public void A_path_set_by_hand_may_be_as_long_as_a_set_cookie_path(int length, bool accepted)
    {
        var (jar, _) = NewJar();
        var path = "/" + new string('p', length - 1);

        if (accepted) jar.Set("sid", "1", "example.com", path).Path.ShouldBe(path);
        else Should.Throw<ArgumentException>(() => jar.Set("sid", "1", "example.com", path));
    }

    [TestCase(63, true)]
    [TestCase(64, false)]
    public void A_domain_label_set_by_hand_may_have_63_characters(int length, bool accepted)
    {
        var (jar, _) = NewJar();
        var domain = new string('a', length) + ".example.com";

        if (accepted) jar.Set("sid", "1", domain).Domain.ShouldBe(domain);
        else Should.Throw<ArgumentException>(() => jar.Set("sid", "1", domain));
    }

    [TestCase(253, true)]
    [TestCase(254, false)]
    public void A_domain_set_by_hand_may_have_253_characters(int length, bool accepted)
    {
        var (jar, _) = NewJar();
        var labels = new List<string>();
        var remaining = length - ".example.com".Length;
        while (remaining > 0)
        {
            var take = Math.Min(remaining == 64 ? 62 : Math.Min(63, remaining), remaining);
            if (labels.Count > 0) { remaining--; take = Math.Min(take, remaining); }
            if (take <= 0) break;
            labels.Add(new string('a', take));
            remaining -= take;
        }
        var domain = string.Join('.', labels) + ".example.com";
        domain.Length.ShouldBe(length);

        if (accepted) jar.Set("sid", "1", domain).Domain.ShouldBe(domain);
        else Should.Throw<ArgumentException>(() => jar.Set("sid", "1", domain));
    }

    [TestCase(1024, true)]
    [TestCase(1025, false)]
    public void An_attribute_value_of_1024_characters_applies_and_a_longer_one_is_ignored(int length, bool applies)
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Url("http://example.com/"), $"sid=1; SameSite=Lax; Path=/{new string('p', length - 1)}; Max-Age={new string('0', length - 2)}60");

        (jar.Get("sid")!.Expires is not null).ShouldBe(applies);
    }

    [Test]
    public void Max_age_zero_deletes_like_a_negative_one()
    {
        var (jar, _) = NewJar();
        jar.SetCookies(Url("http://example.com/"), "sid=1").ShouldBeTrue();

        jar.SetCookies(Url("http://example.com/"), "sid=1; Max-Age=0").ShouldBeTrue();

        jar.Count.ShouldBe(0);
    }

    [TestCase("\u007F")]
    [TestCase("a\u0001b")]
    public void A_value_with_del_or_another_control_character_is_refused(string value)
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Url("http://example.com/"), "sid=" + value).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => jar.Set("sid", value, "example.com"));
    }

    [Test]
    public void A_value_with_a_tab_or_tilde_is_kept()
    {
        var (jar, _) = NewJar();

        jar.Set("sid", "a\tb~", "example.com").Value.ShouldBe("a\tb~");
    }

    [Test]
    public void A_host_prefixed_cookie_from_plain_http_is_refused_even_with_path_slash()
    {
        var (jar, _) = NewJar(new CookieJarOptions { TreatLoopbackAsSecure = false });

        jar.SetCookies(Url("http://localhost/"), "__Host-id=1; Secure; Path=/").ShouldBeFalse();
    }

    [TestCase("", "example.com", "/")]
    [TestCase("sid", "", "/")]
    [TestCase("sid", "example.com", "")]
    public void Set_refuses_an_empty_name_domain_or_path(string name, string domain, string path)
    {
        var (jar, _) = NewJar();

        Should.Throw<ArgumentException>(() => jar.Set(name, "v", domain, path));
    }

    [Test]
    public void Set_refuses_a_null_value_and_get_and_remove_a_null_name()
    {
        var (jar, _) = NewJar();

        Should.Throw<ArgumentNullException>(() => jar.Set("sid", null!, "example.com"));
        Should.Throw<ArgumentNullException>(() => jar.Get(null!));
        Should.Throw<ArgumentNullException>(() => jar.Remove(null!));
        Should.Throw<ArgumentNullException>(() => jar.SetCookies(Url("http://example.com/"), (IEnumerable<string?>)null!));
    }

    [TestCase("[::1]", "::1")]
    [TestCase("[]", "[]")]
    public void Set_accepts_an_ipv6_host_with_brackets_and_keeps_it_without(string domain, string stored)
    {
        var (jar, _) = NewJar();

        if (stored == "[]") Should.Throw<ArgumentException>(() => jar.Set("sid", "1", domain));
        else jar.Set("sid", "1", domain).Domain.ShouldBe(stored);
    }

    [Test]
    public void An_ipv4_mapped_ipv6_loopback_counts_as_a_secure_origin()
    {
        var (jar, _) = NewJar();

        jar.SetCookies(Url("http://[::ffff:127.0.0.1]/"), "sid=1; Secure").ShouldBeTrue();
        jar.SetCookies(Url("http://[::ffff:10.0.0.1]/"), "other=1; Secure").ShouldBeFalse();
    }
}
