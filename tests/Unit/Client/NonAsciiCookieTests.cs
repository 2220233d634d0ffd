using System.Net;
using Microsoft.Extensions.Time.Testing;
using SessionClient;

namespace SessionKit.Tests.Unit.Client;

/// <summary>
/// Issue 13 item 16: HttpClient refuses to send a non-ASCII request header, so one such cookie in the jar used to break
/// every later request to its host. The jar now refuses it when it arrives, by every way in.
/// </summary>
public class NonAsciiCookieTests
{
    // "lang=fran\xc3\xa7ais" as SocketsHttpHandler hands it over: each byte decoded as Latin-1.
    private const string Latin1Decoded = "fran\u00c3\u00a7ais";

    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("sessionkit-nonascii-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static CookieJar NewJar() => new(new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)));

    [Test]
    public async Task A_non_ascii_set_cookie_is_refused_and_the_next_request_carries_the_other_cookies()
    {
        var stub = new StubHandler(r =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK);
            if (r.RequestUri!.AbsolutePath == "/set")
            {
                response.Headers.TryAddWithoutValidation("Set-Cookie", "sid=abc");
                response.Headers.TryAddWithoutValidation("Set-Cookie", $"lang={Latin1Decoded}");
                response.Headers.TryAddWithoutValidation("Set-Cookie", "theme=dark");
            }
            return response;
        });
        await using var session = new HttpSession(stub);

        await session.GetAsync("http://example.com/set");
        var next = await session.GetAsync("http://example.com/next");

        next.StatusCode.ShouldBe(HttpStatusCode.OK);
        stub.Requests[1].Headers.GetValues("Cookie").ShouldBe(["sid=abc; theme=dark"]);
        session.Cookies.Get("lang").ShouldBeNull();
    }

    [Test]
    public async Task A_refused_set_cookie_leaves_a_debug_line_naming_the_cookie_but_not_its_value()
    {
        var stub = new StubHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK);
            response.Headers.TryAddWithoutValidation("Set-Cookie", $"lang={Latin1Decoded}");
            return response;
        });
        var logger = new TestLogger();
        await using var session = new HttpSession(stub) { Logger = logger };

        await session.GetAsync("http://example.com/set");

        var line = logger.Texts.Where(t => t.StartsWith("Set-Cookie")).ShouldHaveSingleItem();
        line.ShouldContain("'lang'");
        line.ShouldContain("http://example.com/set");
        line.ShouldNotContain("fran");
    }

    [TestCase("lang=fran\u00e7ais")]
    [TestCase("fran\u00e7ais=1")]
    [TestCase("emoji=\U0001F36A")]
    public void A_set_cookie_with_a_non_ascii_name_or_value_is_not_stored(string header)
    {
        var jar = NewJar();

        jar.SetCookies(new Uri("http://example.com/"), header).ShouldBeFalse();

        jar.Count.ShouldBe(0);
    }

    [Test]
    public void Set_by_hand_refuses_a_non_ascii_value_without_showing_it()
    {
        var error = Should.Throw<ArgumentException>(() => NewJar().Set("lang", "fran\u00e7ais", "example.com"));

        error.Message.ShouldContain("lang");
        error.Message.ShouldNotContain("fran");
    }

    [Test]
    public void A_netscape_file_with_a_non_ascii_value_fails_naming_its_line_and_leaves_the_jar_as_it_was()
    {
        var path = Path.Combine(_dir, "cookies.txt");
        File.WriteAllText(path, "example.com\tFALSE\t/\tFALSE\t0\tsid\tabc\nexample.com\tFALSE\t/\tFALSE\t0\tlang\tfran\u00e7ais\n");
        var jar = NewJar();
        jar.Set("kept", "1", "example.com");

        var error = Should.Throw<CookieFileException>(() => jar.Load(path));

        error.Line.ShouldBe(2);
        error.Message.ShouldContain("lang");
        jar.Select(c => c.Name).ShouldBe(["kept"]);
    }

    [Test]
    public void A_storage_state_with_a_non_ascii_value_is_refused()
    {
        var json = """{"cookies":[{"name":"lang","value":"fran\u00e7ais","domain":"example.com","path":"/"}],"origins":[]}""";
        var jar = NewJar();

        Should.Throw<CookieFileException>(() => jar.ImportStorageState(json)).Message.ShouldContain("lang");
        jar.Count.ShouldBe(0);
    }

    [Test]
    public void A_cookie_header_with_a_non_ascii_value_is_refused()
    {
        var jar = NewJar();

        Should.Throw<CookieFileException>(() => jar.ImportCookieHeader("sid=abc; lang=fran\u00e7ais", new Uri("https://example.com/")))
            .Message.ShouldContain("lang");
        jar.Count.ShouldBe(0);
    }

    [Test]
    public void A_jar_that_allows_non_ascii_keeps_the_text_as_rfc_6265_parses_it()
    {
        var jar = new CookieJar(options: new CookieJarOptions { AllowNonAsciiCookies = true });

        jar.SetCookies(new Uri("http://example.com/"), "lang=fran\u00e7ais").ShouldBeTrue();

        jar.GetCookieHeader(new Uri("http://example.com/")).ShouldBe("lang=fran\u00e7ais");
    }
}
