using SessionClient;
using static SessionKit.Tests.Unit.Cookies.CookieJarTestSupport;

namespace SessionKit.Tests.Unit.Cookies;

/// <summary>
/// A cookie the jar refuses says why, in words a user can act on, without quoting a value that may be a secret and
/// without letting a hostile domain flood the message (or a log) with control characters.
/// </summary>
public sealed class CookieRefusalMessageTests
{
    private static string Refusal(Action set) => Should.Throw<ArgumentException>(set).Message;

    [Test]
    public void A_domain_that_is_no_host_name_is_shown_with_its_unprintable_characters_as_question_marks() =>
        Refusal(() => NewJar().Jar.Set("a", "1", "A B~\u0001\u007fé"))
            .ShouldContain("the domain 'a b~???' is not a host name or an IP address");

    [Test]
    public void A_long_bad_domain_is_cut_at_64_characters_with_an_ellipsis() =>
        Refusal(() => NewJar().Jar.Set("a", "1", new string('x', 69) + "!"))
            .ShouldContain($"the domain '{new string('x', 64)}…' is not");

    [Test]
    public void A_bad_domain_of_exactly_64_characters_is_shown_whole() =>
        Refusal(() => NewJar().Jar.Set("a", "1", "!" + new string('x', 63)))
            .ShouldContain($"the domain '!{new string('x', 63)}' is not");

    [Test]
    public void A_name_and_value_over_the_limit_name_the_limit() =>
        Refusal(() => NewJar().Jar.Set("a", new string('v', 4096), "example.com"))
            .ShouldBe("Cookie 'a' cannot be stored: name and value exceed 4096 characters. (Parameter 'name')");

    [Test]
    public void A_path_without_a_leading_slash_is_refused_saying_so() =>
        Refusal(() => NewJar().Jar.Set("a", "1", "example.com", path: "api"))
            .ShouldBe("Cookie 'a' cannot be stored: a cookie path starts with '/'. (Parameter 'name')");

    [Test]
    public void A_path_longer_than_a_set_cookie_may_give_names_the_limit() =>
        Refusal(() => NewJar().Jar.Set("a", "1", "example.com", path: "/" + new string('p', 1024)))
            .ShouldContain("the path is longer than a Set-Cookie may give (1024 characters)");

    [Test]
    public void A_secure_prefixed_cookie_without_secure_names_the_prefix() =>
        Refusal(() => NewJar().Jar.Set("__Secure-id", "1", "example.com"))
            .ShouldContain("a __Secure- cookie must be Secure");

    [Test]
    public void A_public_suffix_domain_cookie_is_refused_as_a_supercookie() =>
        Refusal(() => NewJar().Jar.Set("a", "1", ".com"))
            .ShouldContain("'com' is a public suffix; a cookie for all of it would be a supercookie");

    [Test]
    public void A_non_ascii_value_is_refused_explaining_that_httpclient_sends_only_ascii() =>
        Refusal(() => NewJar().Jar.Set("a", "é", "example.com"))
            .ShouldContain("its name or value holds a control or non-ASCII character (HttpClient sends only ASCII headers)");

    [Test]
    public void The_message_never_quotes_the_value() =>
        Refusal(() => NewJar().Jar.Set("a", "sécret", "example.com")).ShouldNotContain("sécret");

    [Test]
    public void A_domain_of_only_a_dot_is_refused_as_no_host_name() =>
        Refusal(() => NewJar().Jar.Set("a", "1", ".")).ShouldContain("the domain '' is not a host name or an IP address");

    [Test]
    public void Setting_a_cookie_again_returns_the_stored_one_which_keeps_its_first_creation_time()
    {
        var (jar, clock) = NewJar();
        var first = jar.Set("a", "1", "example.com");
        clock.Advance(TimeSpan.FromMinutes(5));

        var second = jar.Set("a", "2", "example.com");

        second.Value.ShouldBe("2");
        second.Created.ShouldBe(first.Created);
        second.LastAccess.ShouldBe(clock.GetUtcNow());
    }
}
