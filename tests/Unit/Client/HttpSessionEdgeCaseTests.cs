using System.IO.Pipelines;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using SessionClient;

namespace SessionKit.Tests.Unit.Client;

public class HttpSessionEdgeCaseTests
{
    [Test]
    public async Task Every_set_cookie_value_is_redacted_in_trace_logs_not_only_the_first()
    {
        var stub = new StubHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK);
            response.Headers.Add("Set-Cookie", ["csrf=first-secret; Path=/", "sid=second-secret; HttpOnly"]);
            return response;
        });
        var log = new TestLogger();
        await using var session = new HttpSession(stub) { Logger = log };

        await session.GetAsync("http://example.com/login");

        var all = string.Join("\n", log.Texts);
        all.ShouldContain("sid=***");
        all.ShouldNotContain("first-secret");
        all.ShouldNotContain("second-secret");
    }

    [Test]
    public async Task A_location_that_cannot_be_resolved_ends_the_chain_instead_of_throwing()
    {
        var stub = new StubHandler(_ => StubHandler.Redirect("//bad host:99999/x"));
        await using var session = new HttpSession(stub);

        var response = await session.GetAsync("http://example.com/start");

        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        stub.Requests.Count.ShouldBe(1);
    }

    [Test]
    public async Task A_per_request_content_type_replaces_the_contents_own()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        await using var session = new HttpSession(stub);

        await session.PutAsync("http://example.com/doc", new StringContent("<a/>"),
            new RequestOptions { Headers = { ["Content-Type"] = "application/xml" } });

        stub.Requests.Single().Content!.Headers.ContentType!.MediaType.ShouldBe("application/xml");
    }

    [Test]
    public async Task The_timeout_also_covers_reading_the_body()
    {
        var clock = new SignallingClock();
        var stalled = new Pipe();
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stalled.Reader.AsStream()) });
        await using var session = new HttpSession(stub, timeProvider: clock) { Timeout = TimeSpan.FromSeconds(5) };

        var pending = session.GetAsync("http://example.com/stalls");
        (await clock.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(5));

        await Should.ThrowAsync<TimeoutException>(() => pending.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task Streaming_returns_at_the_headers_and_leaves_the_body_to_the_caller()
    {
        var stalled = new Pipe();
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stalled.Reader.AsStream()) });
        await using var session = new HttpSession(stub);

        var response = await session.GetAsync("http://example.com/stream", new RequestOptions { Stream = true }).WaitAsync(TimeSpan.FromSeconds(10));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Response_set_cookies_are_judged_on_the_session_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var stub = new StubHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK);
            response.Headers.Add("Set-Cookie", "a=1; Expires=Mon, 01 Jan 2001 01:00:00 GMT");
            return response;
        });
        await using var session = new HttpSession(stub, timeProvider: clock);

        var response = await session.GetAsync("http://example.com/");

        response.SetCookies().Get("a").ShouldNotBeNull().Value.ShouldBe("1");
    }

    [Test]
    public void Redirect_exceptions_never_show_userinfo()
    {
        var error = new InsecureRedirectException(new Uri("https://user:pw@example.com/"), new Uri("http://user:pw@example.com/"));

        error.Message.ShouldNotContain("pw");
    }
}
