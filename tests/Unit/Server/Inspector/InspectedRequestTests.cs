using FakeAuthServer.Admin;
using FakeAuthServer.Admin.Inspector;
using Microsoft.AspNetCore.Http;

namespace SessionKit.Tests.Unit.Server.Inspector;

/// <summary>What the inspector shows of a request: the cookies and session, never a credential.</summary>
public class InspectedRequestTests
{
    private static readonly RequestJournal.Entry Entry = new(DateTimeOffset.UnixEpoch, "POST", "/api/login", 200, 1);

    private static InspectedRequest Inspect(Action<HttpContext> arrange)
    {
        var context = new DefaultHttpContext();
        arrange(context);
        return InspectedRequest.Of(context, Entry);
    }

    [Test]
    public void The_session_cookie_received_is_shown_with_its_value_and_names_the_session()
    {
        var inspected = Inspect(c => c.Request.Headers.Cookie = "user_id=abc123; theme=dark");

        inspected.CookiesReceived.ShouldBe([new("user_id", "abc123"), new("theme", "dark")]);
        inspected.SessionSent.ShouldBe("abc123");
        inspected.SessionSet.ShouldBeNull();
    }

    [Test]
    public void A_login_answer_names_the_session_it_started()
    {
        var inspected = Inspect(c => c.Response.Headers.SetCookie = "user_id=new42; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600");

        inspected.SessionSet.ShouldBe("new42");
        inspected.CookiesSet.ShouldBe(["user_id=new42; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600"]);
    }

    [Test]
    public void An_expiring_session_cookie_starts_no_session() =>
        Inspect(c => c.Response.Headers.SetCookie = "user_id=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/")
            .SessionSet.ShouldBeNull();

    [TestCase("access_token")]
    [TestCase("refresh_token")]
    [TestCase("login_csrf")]
    [TestCase("client_secret")]
    [TestCase("password")]
    [TestCase("apiKey")]
    public void A_cookie_whose_name_says_it_holds_a_secret_shows_its_name_only(string name)
    {
        var inspected = Inspect(c =>
        {
            c.Request.Headers.Cookie = $"{name}=hunter2value";
            c.Response.Headers.SetCookie = $"{name}=hunter2value; Path=/";
        });

        inspected.CookiesReceived.ShouldBe([new(name, "•••")]);
        inspected.CookiesSet.ShouldBe([$"{name}=•••; Path=/"]);
    }

    [TestCase("Bearer eyJhbGciOi.secret.sig", "Bearer •••")]
    [TestCase("Basic YWxpY2U6czNjcmV0", "Basic •••")]
    [TestCase("not-a-scheme!! secret", "•••")]
    public void Authorization_shows_the_scheme_and_never_the_credential(string header, string shown) =>
        Inspect(c => c.Request.Headers.Authorization = header).Authorization.ShouldBe(shown);

    [Test]
    public void A_request_without_authorization_shows_none() =>
        Inspect(_ => { }).Authorization.ShouldBeNull();
}
