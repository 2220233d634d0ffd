using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SessionClient;

namespace SessionKit.Tests.Unit.Client;

public class HttpSessionUnitTests
{
    [Test]
    public async Task An_https_page_redirecting_to_http_is_refused_by_default()
    {
        var stub = new StubHandler(r => r.RequestUri!.Scheme == "https" ? StubHandler.Redirect("http://example.com/plain") : new(HttpStatusCode.OK));
        await using var session = new HttpSession(stub);

        var error = await Should.ThrowAsync<InsecureRedirectException>(() => session.GetAsync("https://example.com/secure"));

        error.To.ShouldBe(new Uri("http://example.com/plain"));
        stub.Requests.Count.ShouldBe(1);
    }

    [Test]
    public async Task An_https_to_http_redirect_is_followed_when_allowed()
    {
        var stub = new StubHandler(r => r.RequestUri!.Scheme == "https" ? StubHandler.Redirect("http://example.com/plain") : new(HttpStatusCode.OK));
        await using var session = new HttpSession(stub) { AllowHttpsToHttpRedirects = true };

        (await session.GetAsync("https://example.com/secure")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_timeout_runs_on_the_session_clock()
    {
        var clock = new FakeTimeProvider();
        var never = new TaskCompletionSource<HttpResponseMessage>();
        await using var session = new HttpSession(new StubHandler(_ => never.Task), timeProvider: clock) { Timeout = TimeSpan.FromSeconds(5) };

        var pending = session.GetAsync("http://example.com/slow");
        clock.Advance(TimeSpan.FromSeconds(5));

        (await Should.ThrowAsync<TimeoutException>(() => pending)).Message.ShouldContain("00:00:05");
    }

    [Test]
    public async Task A_relative_url_without_a_base_address_is_a_clear_error()
    {
        await using var session = new HttpSession(new StubHandler(_ => new HttpResponseMessage()));

        (await Should.ThrowAsync<ArgumentException>(() => session.GetAsync("/x"))).Message.ShouldContain("BaseAddress");
    }

    [Test]
    public async Task Session_params_come_after_the_urls_own_query_and_are_escaped()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage());
        await using var session = new HttpSession(stub);
        session.Params.Add(new("q", "a b&c"));

        await session.GetAsync("http://example.com/search?page=2", new RequestOptions { Params = { new("x", "1") } });

        stub.Requests.Single().RequestUri!.Query.ShouldBe("?page=2&q=a%20b%26c&x=1");
    }

    [Test]
    public async Task The_request_message_can_be_sent_twice_because_each_hop_is_a_fresh_message()
    {
        await using var session = new HttpSession(new StubHandler(_ => new HttpResponseMessage()));
        var request = new HttpRequestMessage(HttpMethod.Post, "http://example.com/") { Content = new StringContent("body") };

        await session.SendAsync(request);
        (await session.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Debug_logs_one_line_per_hop_and_never_the_secrets()
    {
        var stub = new StubHandler(r =>
        {
            if (r.RequestUri!.AbsolutePath != "/a") return new HttpResponseMessage(HttpStatusCode.OK);
            var redirect = StubHandler.Redirect("/b");
            redirect.Headers.Add("Set-Cookie", "sid=topsecretvalue");
            return redirect;
        });
        var log = new TestLogger();
        await using var session = new HttpSession(stub) { Logger = log, Auth = new BasicAuth("u", "hunter2") };

        await session.GetAsync("http://example.com/a");

        log.Lines.Count(l => l.Level == LogLevel.Debug).ShouldBe(2);
        log.Lines.First(l => l.Level == LogLevel.Debug).Text.ShouldStartWith("GET http://example.com/a -> 302 in ");
        var all = string.Join("\n", log.Lines.Select(l => l.Text));
        all.ShouldContain("Authorization: Basic ***");
        all.ShouldContain("sid=***");
        all.ShouldNotContain("topsecretvalue");
        all.ShouldNotContain("aHVudGVyMg"); // base64 of the password's tail
    }
}
