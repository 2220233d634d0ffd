using System.Net;
using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Testing;

namespace SessionKit.Tests.Integration.Server;

/// <summary>
/// A next with non-ASCII characters made Kestrel refuse the Location header after the session was created (and,
/// with 2FA, after the code was spent): a 500. It is percent-encoded when it is read, before any state changes,
/// so fullwidth or ideographic look-alikes of '/' and '.' stay inert path text on this site.
/// </summary>
public class FormLoginNonAsciiNextTests : ServerTestBase
{
    private const string Secret = "JBSWY3DPEHPK3PXP";

    protected override FakeAuthServerFactory CreateServer() =>
        new FakeAuthServerFactory().Configure(o => o.TwoFactor["alice"] = Secret);

    private FormLoginBrowser _browser = null!;

    [SetUp]
    public void NewBrowser() => _browser = new FormLoginBrowser(Server);

    [TearDown]
    public void CloseBrowser() => _browser.Dispose();

    public static IEnumerable<TestCaseData> NonAsciiNexts() =>
    [
        new TestCaseData("/caf\u00E9", "/caf%C3%A9").SetName("A next with e-acute is followed percent-encoded"),
        new TestCaseData("/\u3002evil.example", "/%E3%80%82evil.example").SetName("A next with an ideographic full stop stays a local path"),
        new TestCaseData("/\uFF0Fevil.example", "/%EF%BC%8Fevil.example").SetName("A next with a fullwidth solidus stays a local path"),
        new TestCaseData("\uFF0F\uFF0Fevil.example", "/dashboard").SetName("A next that only looks like a path means the dashboard"),
        new TestCaseData("/a\u2028b", "/a%E2%80%A8b").SetName("A next with a line separator is followed percent-encoded"),
        new TestCaseData("/a\u00A0b", "/a%C2%A0b").SetName("A next with a no-break space is followed percent-encoded"),
        new TestCaseData("/a\u200Bb", "/a%E2%80%8Bb").SetName("A next with a zero-width space is followed percent-encoded"),
    ];

    [TestCaseSource(nameof(NonAsciiNexts))]
    public async Task Form_login_redirects_to_an_ASCII_local_Location(string next, string location)
    {
        var login = await _browser.LogInAsync(next: next);

        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        RawLocation(login).ShouldBe(location);
        (await _browser.Client.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task With_2FA_a_non_ASCII_next_is_encoded_at_the_password_step_and_the_code_completes_the_login()
    {
        Server.Clock.Advance(3 * Totp.Step);
        var login = await _browser.LogInAsync("alice", "wonderland", next: "/\uFF0Fevil.example");
        RawLocation(login).ShouldBe("/2fa");

        var verify = await _browser.SubmitCodeAsync(Totp.Code(Base32.Decode(Secret), Server.Clock.GetUtcNow()));

        verify.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        RawLocation(verify).ShouldBe("/%EF%BC%8Fevil.example");
        (await (await _browser.Client.GetAsync("/dashboard")).Content.ReadAsStringAsync()).ShouldContain("Welcome, alice");
    }

    /// <summary>The header as the server wrote it; Headers.Location would be a Uri HttpClient escaped by itself.</summary>
    private static string RawLocation(HttpResponseMessage response)
    {
        var location = response.Headers.NonValidated["Location"].ToString();
        location.ShouldAllBe(c => c >= 0x20 && c < 0x7F, $"Location is not ASCII: {location}");
        location.ShouldStartWith("/");
        location.Length.ShouldBeGreaterThan(1);
        location[1].ShouldNotBeOneOf('/', '\\');
        return location;
    }
}
