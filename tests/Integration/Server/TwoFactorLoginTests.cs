using System.Net;
using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Auth.Lockout;
using Microsoft.Extensions.DependencyInjection;
using FakeAuthServer.Testing;

namespace SessionKit.Tests.Integration.Server;

/// <summary>alice has a TOTP secret; codes are computed from the server's own fake clock.</summary>
public class TwoFactorLoginTests : ServerTestBase
{
    private const string Secret = "JBSWY3DPEHPK3PXP";
    private static readonly byte[] SecretBytes = Base32.Decode(Secret);

    // Wrong codes also count towards alice's lockout (TwoFactorLockoutTests); a bound above the per-login five keeps
    // this fixture's wrong codes from locking her for the tests after them.
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory()
        .Configure(o => o.TwoFactor["alice"] = Secret)
        .ConfigureServices(s => s.PostConfigure<LockoutOptions>(o => o.MaxFailures = 50));

    private FormLoginBrowser _browser = null!;

    [SetUp]
    public void NewBrowser() => _browser = new FormLoginBrowser(Server);

    [TearDown]
    public void CloseBrowser() => _browser.Dispose();

    // Every test starts three steps on, so even the window's previous step is newer than any code a test accepted.
    [SetUp]
    public void NextSteps() => Server.Clock.Advance(3 * Totp.Step);

    private string CurrentCode() => Totp.Code(SecretBytes, Server.Clock.GetUtcNow());

    [Test]
    public async Task A_correct_password_only_leads_to_the_code_form_not_into_the_site()
    {
        var login = await _browser.LogInAsync("alice", "wonderland");

        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        login.Headers.Location!.OriginalString.ShouldBe("/2fa");
        FormLoginBrowser.SetsCookie(login, "user_id").ShouldBeFalse();
        FormLoginBrowser.SetCookieHeader(login, "pending_2fa").ShouldMatch("; Path=/; HttpOnly; SameSite=Lax; Max-Age=300$");
        (await _browser.Client.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var form = await (await _browser.Client.GetAsync("/2fa")).Content.ReadAsStringAsync();
        form.ShouldContain("""<form method="post" action="/2fa/verify">""");
        form.ShouldContain("""<meta name="csrf-token" content=""");
    }

    [Test]
    public async Task The_right_code_completes_the_login_and_goes_to_next()
    {
        await _browser.LogInAsync("alice", "wonderland", next: "/reports");

        var verify = await _browser.SubmitCodeAsync(CurrentCode());

        verify.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        verify.Headers.Location!.OriginalString.ShouldBe("/reports");
        FormLoginBrowser.SetCookieHeader(verify, "user_id").ShouldMatch("^user_id=[0-9a-f]{32}; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600$");
        FormLoginBrowser.SetCookieHeader(verify, "pending_2fa").ShouldContain("Max-Age=0");
        (await (await _browser.Client.GetAsync("/dashboard")).Content.ReadAsStringAsync()).ShouldContain("Welcome, alice");
    }

    [Test]
    public async Task The_previous_steps_code_still_counts_but_not_the_one_before()
    {
        await _browser.LogInAsync("alice", "wonderland");
        var twoStepsOld = Totp.Code(SecretBytes, Server.Clock.GetUtcNow() - 2 * Totp.Step);
        var oneStepOld = Totp.Code(SecretBytes, Server.Clock.GetUtcNow() - Totp.Step);

        (await _browser.SubmitCodeAsync(twoStepsOld)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _browser.SubmitCodeAsync(oneStepOld)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Test]
    public async Task A_wrong_code_gets_401_and_the_form_again_without_a_session()
    {
        await _browser.LogInAsync("alice", "wonderland");
        var wrong = ((int.Parse(CurrentCode()) + 1) % 1_000_000).ToString("000000");

        var verify = await _browser.SubmitCodeAsync(wrong);

        verify.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await verify.Content.ReadAsStringAsync()).ShouldContain("Wrong code.");
        FormLoginBrowser.SetsCookie(verify, "user_id").ShouldBeFalse();
    }

    [Test]
    public async Task A_code_that_was_accepted_once_is_refused_when_replayed_in_its_window()
    {
        var code = CurrentCode();
        await _browser.LogInAsync("alice", "wonderland");
        (await _browser.SubmitCodeAsync(code)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var eavesdropper = new FormLoginBrowser(Server);
        await eavesdropper.LogInAsync("alice", "wonderland");
        var replay = await eavesdropper.SubmitCodeAsync(code);

        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await replay.Content.ReadAsStringAsync()).ShouldContain("already used");
        Server.Clock.Advance(Totp.Step);
        (await eavesdropper.SubmitCodeAsync(CurrentCode())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Test]
    public async Task A_pending_login_expires_after_five_minutes()
    {
        await _browser.LogInAsync("alice", "wonderland");
        var csrf = await _browser.CsrfTokenAsync("/2fa");

        Server.Clock.Advance(TimeSpan.FromMinutes(5));
        var verify = await _browser.PostFormAsync("/2fa/verify",
            new Dictionary<string, string> { ["code"] = CurrentCode(), ["csrf_token"] = csrf });

        verify.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        verify.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await _browser.Client.GetAsync("/2fa")).Headers.Location!.OriginalString.ShouldBe("/login");
    }

    [Test]
    public async Task Five_wrong_codes_end_the_pending_login()
    {
        await _browser.LogInAsync("alice", "wonderland");
        var wrong = ((int.Parse(CurrentCode()) + 1) % 1_000_000).ToString("000000");
        for (var i = 0; i < 5; i++) (await _browser.SubmitCodeAsync(wrong)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var csrf = await _browser.CsrfTokenAsync();
        var verify = await _browser.PostFormAsync("/2fa/verify", new Dictionary<string, string> { ["code"] = CurrentCode(), ["csrf_token"] = csrf });

        verify.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        FormLoginBrowser.SetsCookie(verify, "user_id").ShouldBeFalse();
    }

    [Test]
    public async Task The_code_form_needs_a_pending_login_and_refuses_a_wrong_csrf_token()
    {
        (await _browser.Client.GetAsync("/2fa")).Headers.Location!.OriginalString.ShouldBe("/login");

        await _browser.LogInAsync("alice", "wonderland");
        var wrongToken = await _browser.PostFormAsync("/2fa/verify",
            new Dictionary<string, string> { ["code"] = CurrentCode(), ["csrf_token"] = "forged" });

        wrongToken.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_user_without_a_secret_logs_in_with_the_password_alone()
    {
        var login = await _browser.LogInAsync();

        login.Headers.Location!.OriginalString.ShouldBe("/dashboard");
        FormLoginBrowser.SetsCookie(login, "pending_2fa").ShouldBeFalse();
    }
}
