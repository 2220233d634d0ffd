using System.Net;
using Microsoft.Extensions.Time.Testing;
using SessionClient;

namespace SessionKit.Tests.Unit.Client;

/// <summary>RequestOptions.Transport: retries for one request, over whatever the session mounted, without cloning the session.</summary>
public class RequestTransportTests
{
    private static readonly RetryPolicy RetryOn500 = new() { Total = 3, StatusForcelist = new HashSet<int> { 500 } };

    /// <summary>Answers 500 to the first <paramref name="failures"/> requests to each path, then 200.</summary>
    private static StubHandler FailingFirst(int failures)
    {
        var seen = new Dictionary<string, int>();
        return new StubHandler(request =>
        {
            lock (seen)
            {
                var path = request.RequestUri!.AbsolutePath;
                seen[path] = seen.GetValueOrDefault(path) + 1;
                return new HttpResponseMessage(seen[path] <= failures ? HttpStatusCode.InternalServerError : HttpStatusCode.OK);
            }
        });
    }

    [Test]
    public async Task A_request_with_its_own_retry_policy_is_retried_and_the_next_request_is_not()
    {
        var stub = FailingFirst(2);
        await using var session = new HttpSession(stub);

        var retried = await session.GetAsync("http://example.com/a", new RequestOptions { Transport = new TransportSettings { Retries = RetryOn500 } });
        var plain = await session.GetAsync("http://example.com/b");

        retried.StatusCode.ShouldBe(HttpStatusCode.OK);
        plain.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        stub.Requests.Count.ShouldBe(4);
    }

    [Test]
    public async Task A_requests_own_transport_replaces_the_sessions_mount_for_its_url()
    {
        var stub = FailingFirst(1);
        await using var session = new HttpSession(stub);
        session.Mount("http://example.com", RetryOn500);

        var response = await session.GetAsync("http://example.com/a", new RequestOptions { Transport = new TransportSettings() });

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        stub.Requests.Count.ShouldBe(1);
    }

    [Test]
    public async Task A_request_with_its_own_retries_keeps_the_sessions_cookies_headers_and_redirect_settings()
    {
        var stub = new StubHandler(request => request.RequestUri!.AbsolutePath switch
        {
            "/start" => StubHandler.Redirect("http://example.com/1"),
            _ => StubHandler.Redirect("http://example.com/" + (int.Parse(request.RequestUri.AbsolutePath[1..]) + 1)),
        });
        await using var session = new HttpSession(stub) { MaxRedirects = 2 };
        session.Headers["X-Team"] = "sessionkit";
        session.Cookies.ImportCookieHeader("sid=abc", new Uri("http://example.com/"));

        await Should.ThrowAsync<TooManyRedirectsException>(() =>
            session.GetAsync("http://example.com/start", new RequestOptions { Transport = new TransportSettings { Retries = RetryOn500 } }));

        stub.Requests.Count.ShouldBe(3);
        stub.Requests.ShouldAllBe(r => r.Headers.GetValues("X-Team").Single() == "sessionkit" && r.Headers.GetValues("Cookie").Single() == "sid=abc");
    }

    [Test]
    public async Task The_transports_own_clock_times_the_backoff_instead_of_the_sessions()
    {
        var sessionClock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var waitClock = new SignallingClock();
        await using var session = new HttpSession(FailingFirst(2), timeProvider: sessionClock) { Timeout = Timeout.InfiniteTimeSpan };
        var transport = new TransportSettings { Retries = RetryOn500 with { BackoffFactor = TimeSpan.FromSeconds(10) }, TimeProvider = waitClock };

        var pending = session.GetAsync("http://example.com/a", new RequestOptions { Transport = transport });
        // urllib3's backoff: the first retry waits 0, the second factor x 2^1.
        var wait = await waitClock.NextTimerAsync();
        wait.ShouldBe(TimeSpan.FromSeconds(20));
        waitClock.Advance(wait);

        (await pending).StatusCode.ShouldBe(HttpStatusCode.OK);
        sessionClock.GetUtcNow().ShouldBe(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
