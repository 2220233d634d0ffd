using Microsoft.Extensions.Time.Testing;
using SessionClient;

namespace SessionKit.Tests.Unit.Client;

/// <summary>
/// Issue 13 item 18: a cookie file is read with a size bound, and every cookie in it meets the rules a Set-Cookie
/// meets; a bad file names its bad line and leaves the jar as it was.
/// </summary>
public class CookieFileRulesTests
{
    private const string LongLabelMarker = "<100000-char label>";
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("sessionkit-cookierules-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static CookieJar NewJar() => new(new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)));

    private static CookieJar JarWithOneCookie()
    {
        var jar = NewJar();
        jar.Set("kept", "1", "example.com");
        return jar;
    }

    private string WriteFile(string text)
    {
        var path = Path.Combine(_dir, "cookies.txt");
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void A_symlink_to_dev_zero_is_refused_naming_the_limit_without_reading_gigabytes()
    {
        Assume.That(File.Exists("/dev/zero"), "needs /dev/zero");
        var path = Path.Combine(_dir, "zero.txt");
        File.CreateSymbolicLink(path, "/dev/zero");
        var jar = JarWithOneCookie();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var error = Should.Throw<CookieFileException>(() => jar.Load(path));

        (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore).ShouldBeLessThan(CookieFileExtensions.MaxCookieFileBytes * 3);
        error.Message.ShouldContain("MaxCookieFileBytes");
        error.Message.ShouldContain(CookieFileExtensions.MaxCookieFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        jar.Select(c => c.Name).ShouldBe(["kept"]);
    }

    [Test]
    public void A_file_one_byte_past_the_limit_is_refused_and_one_at_the_limit_loads()
    {
        const int limit = 4096;
        var line = "example.com\tFALSE\t/\tFALSE\t0\tsid\tabc\n";
        var atLimit = line + new string('#', limit - line.Length - 1) + "\n";
        atLimit.Length.ShouldBe(limit);
        var jar = JarWithOneCookie();

        jar.Load(WriteFile(atLimit), maxBytes: limit).ShouldBe(1);
        var error = Should.Throw<CookieFileException>(() => jar.Load(WriteFile(atLimit + "#"), maxBytes: limit));

        error.Line.ShouldBe(0);
        error.Message.ShouldContain("4096");
        jar.Select(c => c.Name).ShouldBe(["kept", "sid"]);
    }

    [TestCase("a b.com")]
    [TestCase("[::1")]
    [TestCase("exa$mple.com")]
    [TestCase("a..example.com")]
    [TestCase(LongLabelMarker)]
    public void A_domain_a_set_cookie_could_never_carry_is_refused_naming_its_line(string domain)
    {
        if (domain == LongLabelMarker) domain = new string('a', 100_000) + ".com";
        var path = WriteFile($"example.com\tFALSE\t/\tFALSE\t0\tgood\t1\n{domain}\tFALSE\t/\tFALSE\t0\tbad\t1\n");
        var jar = JarWithOneCookie();

        var error = Should.Throw<CookieFileException>(() => jar.Load(path));

        error.Line.ShouldBe(2);
        error.Message.ShouldContain("domain");
        error.Message.Length.ShouldBeLessThan(1000);
        jar.Select(c => c.Name).ShouldBe(["kept"]);
    }

    [TestCase("__Host-sid\tFALSE\t/\tFALSE", "Secure")]
    [TestCase("__Secure-sid\tFALSE\t/\tFALSE", "Secure")]
    [TestCase("__Host-sid\tTRUE\t/\tTRUE", "host-only")]
    [TestCase("__Host-sid\tFALSE\t/app\tTRUE", "Path=/")]
    public void A_prefixed_cookie_without_what_its_prefix_promises_is_refused(string nameFlagsPathSecure, string reason)
    {
        var parts = nameFlagsPathSecure.Split('\t');
        var path = WriteFile($"example.com\t{parts[1]}\t{parts[2]}\t{parts[3]}\t0\t{parts[0]}\t1\n");
        var jar = JarWithOneCookie();

        var error = Should.Throw<CookieFileException>(() => jar.Load(path));

        error.Line.ShouldBe(1);
        error.Message.ShouldContain(parts[0]);
        error.Message.ShouldContain(reason);
        jar.Select(c => c.Name).ShouldBe(["kept"]);
    }

    [Test]
    public void A_host_cookie_that_keeps_its_prefix_promises_loads()
    {
        var jar = NewJar();

        jar.Load(WriteFile("example.com\tFALSE\t/\tTRUE\t0\t__Host-sid\t1\nexample.com\tTRUE\t/x\tTRUE\t0\t__Secure-id\t2\n")).ShouldBe(2);

        jar.GetCookieHeader(new Uri("https://example.com/x")).ShouldBe("__Secure-id=2; __Host-sid=1");
    }

    [Test]
    public void A_domain_cookie_for_a_public_suffix_in_a_file_is_refused()
    {
        var error = Should.Throw<CookieFileException>(() => NewJar().Load(WriteFile(".co.uk\tTRUE\t/\tFALSE\t0\tsuper\t1\n")));

        error.Message.ShouldContain("public suffix");
    }

    [Test]
    public void A_storage_state_with_an_invalid_domain_or_a_bare_host_cookie_changes_nothing()
    {
        var jar = JarWithOneCookie();

        Should.Throw<CookieFileException>(() => jar.ImportStorageState(
            """{"cookies":[{"name":"a","value":"1","domain":"a b.com","path":"/"}],"origins":[]}"""));
        Should.Throw<CookieFileException>(() => jar.ImportStorageState(
            """{"cookies":[{"name":"__Host-a","value":"1","domain":"example.com","path":"/","secure":false}],"origins":[]}"""));

        jar.Select(c => c.Name).ShouldBe(["kept"]);
    }

    [Test]
    public void Setting_a_cookie_by_hand_meets_the_same_domain_rule()
    {
        Should.Throw<ArgumentException>(() => NewJar().Set("a", "1", "a b.com")).Message.ShouldContain("domain");
    }

    [Test]
    public void An_ipv6_cookie_in_a_file_loads_with_or_without_brackets()
    {
        var jar = NewJar();

        jar.Load(WriteFile("::1\tFALSE\t/\tFALSE\t0\ta\t1\n[::2]\tFALSE\t/\tFALSE\t0\tb\t2\n")).ShouldBe(2);

        jar.GetCookieHeader(new Uri("http://[::1]/")).ShouldBe("a=1");
        jar.GetCookieHeader(new Uri("http://[::2]/")).ShouldBe("b=2");
    }

    [Test]
    public void A_file_with_more_cookies_than_the_jar_keeps_is_refused_instead_of_cut_short()
    {
        var jar = new CookieJar(new FakeTimeProvider(), new CookieJarOptions { MaxCookies = 3, MaxCookiesPerDomain = 3 });
        var lines = string.Concat(Enumerable.Range(0, 4).Select(i => $"example.com\tFALSE\t/\tFALSE\t0\tc{i}\tv\n"));

        var error = Should.Throw<CookieFileException>(() => jar.Load(WriteFile(lines)));

        error.Message.ShouldContain("MaxCookies");
        jar.Count.ShouldBe(0);
    }
}
