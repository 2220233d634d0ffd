using Microsoft.Extensions.Time.Testing;
using SessionClient;

namespace SessionKit.Tests.Unit.Client;

public class CookieFileTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private FakeTimeProvider _clock = null!;
    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(Now);
        _dir = Directory.CreateTempSubdirectory("sessionkit-cookiefiles-").FullName;
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private CookieJar NewJar() => new(_clock);

    private CookieJar SampleJar()
    {
        var jar = NewJar();
        jar.Set("sid", "abc123", "app.example.com", httpOnly: true);
        jar.Set("theme", "dark", ".example.com", "/ui", secure: true, expires: Now.AddDays(7), sameSite: SameSiteMode.Strict);
        return jar;
    }

    private static IEnumerable<string> Describe(CookieJar jar) => jar
        .Select(c => $"{c.Name}={c.Value} {c.Domain} hostOnly={c.HostOnly} {c.Path} secure={c.Secure} httpOnly={c.HttpOnly} {c.Expires?.ToUnixTimeSeconds()}")
        .Order();

    [TestCase(CookieFileFormat.Netscape)]
    [TestCase(CookieFileFormat.Json)]
    public void A_saved_jar_loads_back_into_the_same_cookies(CookieFileFormat format)
    {
        var path = Path.Combine(_dir, "cookies");
        var jar = SampleJar();
        jar.Save(path, format);

        var loaded = NewJar();
        loaded.Load(path).ShouldBe(2);

        Describe(loaded).ShouldBe(Describe(jar));
    }

    [Test]
    public void The_netscape_file_has_curls_fields_and_httponly_prefix()
    {
        var path = Path.Combine(_dir, "cookies.txt");
        SampleJar().Save(path);

        var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith("# ")).ToList();

        lines.ShouldContain("#HttpOnly_app.example.com\tFALSE\t/\tFALSE\t0\tsid\tabc123");
        lines.ShouldContain($".example.com\tTRUE\t/ui\tTRUE\t{Now.AddDays(7).ToUnixTimeSeconds()}\ttheme\tdark");
    }

    [Test]
    public void Saving_replaces_the_file_whole_with_owner_only_permissions_and_leaves_no_temp_file()
    {
        var path = Path.Combine(_dir, "cookies.txt");
        File.WriteAllText(path, "old content that is much longer than anything else written here ..........................");

        SampleJar().Save(path);

        File.ReadAllText(path).ShouldStartWith("# Netscape HTTP Cookie File");
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.GetFiles(_dir).ShouldBe([path]);
    }

    [Test]
    public void A_failed_save_leaves_nothing_behind()
    {
        var path = Path.Combine(_dir, "missing-folder", "cookies.txt");

        Should.Throw<DirectoryNotFoundException>(() => SampleJar().Save(path));

        Directory.GetFileSystemEntries(_dir).ShouldBeEmpty();
    }

    [TestCase("example.com\tFALSE\t/\tFALSE\t0\tname", 3, "7 tab-separated fields")]
    [TestCase("example.com\tMAYBE\t/\tFALSE\t0\tname\tvalue", 3, "TRUE or FALSE")]
    [TestCase("example.com\tFALSE\t/\tFALSE\tsoon\tname\tvalue", 3, "Unix time")]
    [TestCase("example.com\tFALSE\tnoslash\tFALSE\t0\tname\tvalue", 3, "refused")]
    public void A_bad_line_fails_naming_the_line_and_the_jar_is_left_as_it_was(string badLine, int lineNumber, string reason)
    {
        var path = Path.Combine(_dir, "cookies.txt");
        File.WriteAllText(path, $"# Netscape HTTP Cookie File\nexample.com\tFALSE\t/\tFALSE\t0\tgood\t1\n{badLine}\n");
        var jar = SampleJar();
        var before = Describe(jar).ToList();

        var error = Should.Throw<CookieFileException>(() => jar.Load(path));

        error.Line.ShouldBe(lineNumber);
        error.Message.ShouldContain($"cookies.txt:{lineNumber}:");
        error.Message.ShouldContain(reason);
        Describe(jar).ShouldBe(before);
    }

    [Test]
    public void A_value_holding_a_tab_survives_a_netscape_round_trip()
    {
        var path = Path.Combine(_dir, "cookies.txt");
        var jar = NewJar();
        jar.SetCookies(new Uri("http://example.com/"), "sid=a\tb");
        jar.Save(path);

        var loaded = NewJar();
        loaded.Load(path);

        loaded.Get("sid").ShouldNotBeNull().Value.ShouldBe("a\tb");
    }

    [Test]
    public void An_ipv6_host_imported_from_a_header_gets_its_cookies_back()
    {
        var jar = NewJar();

        jar.ImportCookieHeader("a=1", new Uri("http://[::1]:8000/"));

        jar.GetCookieHeader(new Uri("http://[::1]:8000/page")).ShouldBe("a=1");
    }

    [Test]
    public void A_refused_cookie_in_a_file_is_named_without_its_value()
    {
        var path = Path.Combine(_dir, "cookies.txt");
        File.WriteAllText(path, "example.com\tFALSE\t/\tFALSE\t0\tsid\tSECRET;x\n");

        var error = Should.Throw<CookieFileException>(() => NewJar().Load(path));

        error.Message.ShouldContain("sid");
        error.Message.ShouldNotContain("SECRET");
    }

    [Test]
    public void Expired_cookies_in_a_file_are_skipped()
    {
        var path = Path.Combine(_dir, "cookies.txt");
        File.WriteAllText(path, $"example.com\tFALSE\t/\tFALSE\t{Now.AddSeconds(-1).ToUnixTimeSeconds()}\told\t1\nexample.com\tFALSE\t/\tFALSE\t0\tnew\t2\n");
        var jar = NewJar();

        jar.Load(path).ShouldBe(1);

        jar.ToDictionary().Keys.ShouldBe(["new"]);
    }

    [Test]
    public void A_devtools_cookie_header_imports_as_host_only_cookies()
    {
        var jar = NewJar();

        jar.ImportCookieHeader("session_id=abc123; user_id=456; theme=dark", new Uri("https://shop.example.com/cart"));

        jar.GetCookieHeader(new Uri("https://shop.example.com/")).ShouldBe("session_id=abc123; user_id=456; theme=dark");
        jar.GetCookieHeader(new Uri("https://other.example.com/")).ShouldBeEmpty();
    }

    [Test]
    public void A_playwright_storage_state_imports_with_its_attributes()
    {
        var jar = NewJar();
        var expires = Now.AddHours(1).ToUnixTimeSeconds();

        jar.ImportStorageState($$"""
            {"cookies":[
              {"name":"session","value":"s1","domain":"localhost","path":"/","expires":-1,"httpOnly":true,"secure":false,"sameSite":"Lax"},
              {"name":"pref","value":"p","domain":".example.com","path":"/","expires":{{expires}}.5,"httpOnly":false,"secure":true,"sameSite":"None"}
            ],"origins":[]}
            """);

        var session = jar.Get("session", "localhost").ShouldNotBeNull();
        session.HttpOnly.ShouldBeTrue();
        session.HostOnly.ShouldBeTrue();
        session.Expires.ShouldBeNull();
        var pref = jar.Get("pref").ShouldNotBeNull();
        pref.HostOnly.ShouldBeFalse();
        pref.SameSite.ShouldBe(SameSiteMode.None);
        pref.Expires!.Value.ToUnixTimeSeconds().ShouldBe(expires);
    }

    [TestCase("not json")]
    [TestCase("{\"origins\":[]}")]
    [TestCase("{\"cookies\":[{\"name\":\"a\"}]}")]
    [TestCase("{\"cookies\":[{\"name\":\"a\",\"value\":\"1\",\"domain\":\"x.com\",\"sameSite\":\"Sometimes\"}]}")]
    public void A_bad_storage_state_is_a_clear_error_and_changes_nothing(string json)
    {
        var jar = SampleJar();

        Should.Throw<CookieFileException>(() => jar.ImportStorageState(json)).Message.ShouldStartWith("storageState");

        jar.Count().ShouldBe(2);
    }
}
