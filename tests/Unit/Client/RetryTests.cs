using System.Net;
using SessionClient;

namespace SessionKit.Tests.Unit.Client;

public class RetryTests
{
    private static readonly RetryPolicy SeedPolicy = new()
    {
        Total = 3, BackoffFactor = TimeSpan.FromSeconds(0.1), StatusForcelist = new HashSet<int> { 500 },
        AllowedMethods = new HashSet<string> { "GET" },
    };

    /// <summary>A stub answering from a script of statuses (or exceptions), one per attempt; the last repeats.</summary>
    private sealed class Script(params object[] steps)
    {
        public int Attempts;
        public List<string?> Bodies { get; } = [];

        public StubHandler Handler => new(async request =>
        {
            Bodies.Add(request.Content is null ? null : await request.Content.ReadAsStringAsync());
            var step = steps[Math.Min(Interlocked.Increment(ref Attempts) - 1, steps.Length - 1)];
            return step switch
            {
                int status => new HttpResponseMessage((HttpStatusCode)status),
                HttpResponseMessage response => response,
                Exception e => throw e,
                Func<Task<HttpResponseMessage>> pending => await pending(),
                _ => throw new InvalidOperationException(),
            };
        });
    }

    private static HttpSession Session(Script script, RetryPolicy policy, TimeProvider? clock = null, string prefix = "http://localhost")
    {
        var session = new HttpSession(script.Handler, timeProvider: clock) { Timeout = Timeout.InfiniteTimeSpan };
        session.Mount(prefix, policy);
        return session;
    }

    private static HttpRequestException ConnectionRefused() => new(HttpRequestError.ConnectionError, "Connection refused");
    private static HttpRequestException ResponseEnded() => new(HttpRequestError.ResponseEnded, "The response ended prematurely");

    [Test]
    public async Task The_seed_sequence_500_500_200_ends_in_200_after_three_attempts_logging_like_urllib3()
    {
        var script = new Script(500, 500, 200);
        var log = new TestLogger();
        await using var session = Session(script, SeedPolicy with { BackoffFactor = TimeSpan.Zero });
        session.Logger = log;

        var response = await session.GetAsync("http://localhost:8000/flaky");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        script.Attempts.ShouldBe(3);
        log.Texts.Where(l => l.StartsWith("Incremented")).ShouldBe([
            "Incremented Retry for (url='/flaky'): Retry(total=2, connect=None, read=None, redirect=None, status=None)",
            "Incremented Retry for (url='/flaky'): Retry(total=1, connect=None, read=None, redirect=None, status=None)",
        ]);
    }

    [Test]
    public async Task Each_retry_logs_its_wait_and_why_after_urllib3s_line()
    {
        var script = new Script(ConnectionRefused(), 500, 200);
        var log = new TestLogger();
        await using var session = Session(script, SeedPolicy with { BackoffFactor = TimeSpan.Zero });
        session.Logger = log;

        await session.GetAsync("http://localhost:8000/flaky");

        log.Texts.Where(l => l.StartsWith("Incremented") || l.StartsWith("Waiting")).ShouldBe([
            "Incremented Retry for (url='/flaky'): Retry(total=2, connect=None, read=None, redirect=None, status=None)",
            "Waiting 0 s before attempt 2: connect error; the first retry has no backoff",
            "Incremented Retry for (url='/flaky'): Retry(total=1, connect=None, read=None, redirect=None, status=None)",
            "Waiting 0 s before attempt 3: status 500 is in status_forcelist; the backoff is backoff_factor 0 s × 2^1",
        ]);
    }

    [Test]
    public async Task Running_out_of_retries_on_a_status_throws_with_the_attempts_and_the_last_status()
    {
        var script = new Script(500);
        await using var session = Session(script, SeedPolicy with { Total = 2, BackoffFactor = TimeSpan.Zero });

        var error = await Should.ThrowAsync<RetryExhaustedException>(() => session.GetAsync("http://localhost/flaky"));

        error.Attempts.ShouldBe(3);
        error.LastStatus.ShouldBe(500);
        script.Attempts.ShouldBe(3);
        error.Message.ShouldBe("Max retries exceeded for http://localhost/flaky after 3 attempts (too many 500 responses).");
    }

    [Test]
    public async Task With_raise_on_status_off_the_last_response_comes_back()
    {
        var script = new Script(500);
        await using var session = Session(script, SeedPolicy with { Total = 2, BackoffFactor = TimeSpan.Zero, RaiseOnStatus = false });

        (await session.GetAsync("http://localhost/flaky")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        script.Attempts.ShouldBe(3);
    }

    [Test]
    public async Task A_post_is_not_retried_by_default()
    {
        var script = new Script(500, 200);
        await using var session = Session(script, new RetryPolicy { Total = 3, StatusForcelist = new HashSet<int> { 500 } });

        var response = await session.PostFormAsync("http://localhost/api/login", [new("a", "1")]);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        script.Attempts.ShouldBe(1);
    }

    [Test]
    public async Task A_post_is_retried_with_its_body_when_the_policy_names_post()
    {
        var script = new Script(500, 200);
        await using var session = Session(script, new RetryPolicy
        {
            Total = 3, StatusForcelist = new HashSet<int> { 500 }, AllowedMethods = new HashSet<string> { "POST" },
        });

        (await session.PostFormAsync("http://localhost/api/login", [new("a", "1")])).StatusCode.ShouldBe(HttpStatusCode.OK);
        script.Bodies.ShouldBe(["a=1", "a=1"]);
    }

    [Test]
    public async Task The_longest_mounted_prefix_wins()
    {
        var script = new Script(500);
        await using var session = new HttpSession(script.Handler) { Timeout = Timeout.InfiniteTimeSpan };
        session.Mount("http://localhost", new RetryPolicy { Total = 1, StatusForcelist = new HashSet<int> { 500 }, RaiseOnStatus = false });
        session.Mount("http://localhost/api/", new RetryPolicy { Total = 3, StatusForcelist = new HashSet<int> { 500 }, RaiseOnStatus = false });

        await session.GetAsync("http://localhost/api/items");
        script.Attempts.ShouldBe(4);
        await session.GetAsync("http://localhost/other");
        script.Attempts.ShouldBe(6);
    }

    [Test]
    public async Task Connection_errors_and_status_retries_are_counted_apart()
    {
        var script = new Script(ConnectionRefused(), ConnectionRefused(), 500, 500, 200);
        await using var session = Session(script, SeedPolicy with { Total = 10, Connect = 2, Status = 2, BackoffFactor = TimeSpan.Zero });

        (await session.GetAsync("http://localhost/x")).StatusCode.ShouldBe(HttpStatusCode.OK);
        script.Attempts.ShouldBe(5);
    }

    [Test]
    public async Task The_connect_budget_runs_out_on_its_own()
    {
        var script = new Script(ConnectionRefused());
        await using var session = Session(script, SeedPolicy with { Total = 10, Connect = 1, BackoffFactor = TimeSpan.Zero });

        var error = await Should.ThrowAsync<RetryExhaustedException>(() => session.GetAsync("http://localhost/x"));

        error.Attempts.ShouldBe(2);
        error.LastStatus.ShouldBeNull();
        error.InnerException.ShouldBeOfType<HttpRequestException>();
        error.Message.ShouldStartWith("Max retries exceeded for http://localhost/x after 2 attempts (too many connect errors, the last: ");
    }

    [Test]
    public async Task A_connection_error_is_retried_even_for_a_post()
    {
        var script = new Script(ConnectionRefused(), 200);
        await using var session = Session(script, new RetryPolicy { Total = 3 });

        (await session.PostFormAsync("http://localhost/api/login", [new("a", "1")])).StatusCode.ShouldBe(HttpStatusCode.OK);
        script.Attempts.ShouldBe(2);
    }

    [Test]
    public async Task A_read_error_on_a_post_is_not_retried_and_surfaces_as_it_is()
    {
        var script = new Script(ResponseEnded(), 200);
        await using var session = Session(script, new RetryPolicy { Total = 3 });

        await Should.ThrowAsync<HttpRequestException>(() => session.PostFormAsync("http://localhost/api/login", [new("a", "1")]));
        script.Attempts.ShouldBe(1);
    }

    [Test]
    public async Task A_read_error_on_a_get_counts_against_read()
    {
        var script = new Script(ResponseEnded(), ResponseEnded(), 200);
        await using var session = Session(script, new RetryPolicy { Total = 5, Read = 1 });

        (await Should.ThrowAsync<RetryExhaustedException>(() => session.GetAsync("http://localhost/x"))).Attempts.ShouldBe(2);
    }

    [Test]
    public async Task Backoff_delays_on_the_fake_clock_equal_the_urllib3_formula()
    {
        var clock = new SignallingClock();
        var script = new Script(500, 500, 500, 200);
        await using var session = Session(script, SeedPolicy, clock);

        var pending = session.GetAsync("http://localhost/flaky");
        foreach (var expected in new[] { 0.2, 0.4 })  // the first retry waits 0: no timer at all
        {
            var due = await clock.NextTimerAsync();
            due.ShouldBe(TimeSpan.FromSeconds(expected));
            var attempts = script.Attempts;
            clock.Advance(due - TimeSpan.FromTicks(1));
            script.Attempts.ShouldBe(attempts);
            clock.Advance(TimeSpan.FromTicks(1));
        }

        (await pending.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode.ShouldBe(HttpStatusCode.OK);
        script.Attempts.ShouldBe(4);
    }

    [Test]
    public async Task Retry_after_on_a_503_replaces_the_backoff()
    {
        var clock = new SignallingClock();
        var throttled = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Headers = { RetryAfter = new(TimeSpan.FromSeconds(7)) } };
        var script = new Script(throttled, 200);
        await using var session = Session(script, new RetryPolicy { Total = 3, BackoffFactor = TimeSpan.FromSeconds(0.1) }, clock);

        var pending = session.GetAsync("http://localhost/flaky");

        (await clock.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(7));
        clock.Advance(TimeSpan.FromSeconds(7));
        (await pending.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_timed_out_attempt_counts_as_a_read_error_and_is_retried()
    {
        var clock = new SignallingClock();
        var never = new TaskCompletionSource<HttpResponseMessage>();
        var script = new Script((Func<Task<HttpResponseMessage>>)(() => never.Task), 200);
        await using var session = new HttpSession(script.Handler, timeProvider: clock) { Timeout = Timeout.InfiniteTimeSpan };
        session.Mount("http://localhost", new TransportSettings { Retries = new RetryPolicy { Total = 2 }, AttemptTimeout = TimeSpan.FromSeconds(2) });

        var pending = session.GetAsync("http://localhost/slow");
        (await clock.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(2));

        (await pending.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode.ShouldBe(HttpStatusCode.OK);
        script.Attempts.ShouldBe(2);
    }

    [TestCase(0.1, 1, 0.0)]
    [TestCase(0.1, 2, 0.2)]
    [TestCase(0.1, 3, 0.4)]
    [TestCase(0.1, 4, 0.8)]
    [TestCase(10, 10, 120.0)]
    public void Backoff_follows_urllib3_2(double factor, int consecutiveErrors, double seconds) =>
        new RetryPolicy { BackoffFactor = TimeSpan.FromSeconds(factor) }.BackoffFor(consecutiveErrors).ShouldBe(TimeSpan.FromSeconds(seconds));

    [Test]
    public async Task The_status_counter_caps_status_retries_below_the_total()
    {
        var script = new Script(500);
        await using var session = Session(script, SeedPolicy with { Total = 10, Status = 1, BackoffFactor = TimeSpan.Zero });

        var error = await Should.ThrowAsync<RetryExhaustedException>(() => session.GetAsync("http://localhost/flaky"));

        error.Attempts.ShouldBe(2);
        script.Attempts.ShouldBe(2);
    }

    [Test]
    public async Task A_read_error_on_a_post_that_is_not_retried_is_the_very_exception_the_handler_threw()
    {
        var thrown = ResponseEnded();
        var script = new Script(thrown, 200);
        await using var session = Session(script, new RetryPolicy { Total = 3 });

        var error = await Should.ThrowAsync<HttpRequestException>(() => session.PostFormAsync("http://localhost/api/login", [new("a", "1")]));

        error.ShouldBeOfType<HttpRequestException>();
        error.ShouldBeSameAs(thrown);
    }

    [Test]
    public async Task A_mount_with_an_attempt_timeout_and_no_retry_policy_times_out_once_without_retrying()
    {
        var clock = new SignallingClock();
        var never = new TaskCompletionSource<HttpResponseMessage>();
        var script = new Script((Func<Task<HttpResponseMessage>>)(() => never.Task), 200);
        await using var session = new HttpSession(script.Handler, timeProvider: clock) { Timeout = Timeout.InfiniteTimeSpan };
        session.Mount("http://localhost", new TransportSettings { AttemptTimeout = TimeSpan.FromSeconds(2) });

        var pending = session.GetAsync("http://localhost/slow");
        (await clock.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(2));

        (await Should.ThrowAsync<TimeoutException>(() => pending.WaitAsync(TimeSpan.FromSeconds(10)))).ShouldBeOfType<TimeoutException>();
        script.Attempts.ShouldBe(1);
    }

    [Test]
    public async Task A_mount_with_only_an_attempt_timeout_passes_a_fast_answer_through()
    {
        var script = new Script(500);
        await using var session = new HttpSession(script.Handler) { Timeout = Timeout.InfiniteTimeSpan };
        session.Mount("http://localhost", new TransportSettings { AttemptTimeout = TimeSpan.FromSeconds(30) });

        (await session.GetAsync("http://localhost/x")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        script.Attempts.ShouldBe(1);
    }

    private static HttpResponseMessage WithRetryAfter(int status, int seconds) =>
        new((HttpStatusCode)status) { Headers = { RetryAfter = new(TimeSpan.FromSeconds(seconds)) } };

    [Test]
    public async Task Retry_after_on_a_status_outside_the_retry_after_list_keeps_the_backoff()
    {
        var clock = new SignallingClock();
        var script = new Script(WithRetryAfter(500, 7), WithRetryAfter(500, 7), 200);
        await using var session = Session(script, SeedPolicy, clock);

        var pending = session.GetAsync("http://localhost/flaky");

        (await clock.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(0.2)); // the first retry waited 0, not 7 s
        clock.Advance(TimeSpan.FromSeconds(0.2));
        (await pending.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode.ShouldBe(HttpStatusCode.OK);
        script.Attempts.ShouldBe(3);
    }

    [Test]
    public async Task Retry_after_on_a_status_outside_both_lists_is_not_retried()
    {
        var script = new Script(WithRetryAfter(500, 7), 200);
        await using var session = Session(script, new RetryPolicy { Total = 3 });

        (await session.GetAsync("http://localhost/x")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        script.Attempts.ShouldBe(1);
    }

    [Test]
    public async Task With_respect_retry_after_off_a_503_with_retry_after_is_not_retried_unless_forced()
    {
        var script = new Script(WithRetryAfter(503, 7), 200);
        await using var session = Session(script, new RetryPolicy { Total = 3, RespectRetryAfterHeader = false });

        (await session.GetAsync("http://localhost/x")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        script.Attempts.ShouldBe(1);
    }

    [Test]
    public async Task With_respect_retry_after_off_a_forced_503_waits_the_backoff_not_the_header()
    {
        var clock = new SignallingClock();
        var script = new Script(WithRetryAfter(503, 7), WithRetryAfter(503, 7), 200);
        await using var session = Session(script, new RetryPolicy
        {
            Total = 3, BackoffFactor = TimeSpan.FromSeconds(0.1), StatusForcelist = new HashSet<int> { 503 }, RespectRetryAfterHeader = false,
        }, clock);

        var pending = session.GetAsync("http://localhost/flaky");

        (await clock.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(0.2));
        clock.Advance(TimeSpan.FromSeconds(0.2));
        (await pending.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [TestCase("HEAD", 2)]
    [TestCase("GET", 2)]
    [TestCase("PUT", 2)]
    [TestCase("DELETE", 2)]
    [TestCase("OPTIONS", 2)]
    [TestCase("TRACE", 2)]
    [TestCase("POST", 1)]
    [TestCase("PATCH", 1)]
    public async Task Idempotent_methods_are_retried_on_a_read_error_by_default_and_others_are_not(string method, int attempts)
    {
        var script = new Script(ResponseEnded(), 200);
        await using var session = Session(script, new RetryPolicy { Total = 3 });

        try
        {
            (await session.SendAsync(new HttpRequestMessage(new HttpMethod(method), "http://localhost/x"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        catch (HttpRequestException) when (attempts == 1)
        {
        }

        script.Attempts.ShouldBe(attempts);
    }

    [Test]
    public async Task Backoff_jitter_adds_a_random_wait_within_its_bound()
    {
        var clock = new SignallingClock();
        var script = new Script(500, 500, 200);
        await using var session = Session(script, SeedPolicy with
        {
            BackoffFactor = TimeSpan.Zero, BackoffJitter = TimeSpan.FromSeconds(10),
        }, clock);

        var pending = session.GetAsync("http://localhost/flaky");

        // The first retry waits 0 whatever the jitter; the second waits random × 10 s (0 only once in 2^53 draws).
        var due = await clock.NextTimerAsync();
        due.ShouldBeGreaterThan(TimeSpan.Zero);
        due.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(10));
        clock.Advance(due);
        (await pending.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Content that remembers being disposed.</summary>
    private sealed class TrackedContent() : StringContent("body")
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    [Test]
    public async Task The_response_of_a_retried_attempt_is_disposed_before_the_backoff_wait()
    {
        // Polly disposes a discarded result itself, but only after the delay: the session frees the connection at once.
        var clock = new SignallingClock();
        var first = new TrackedContent();
        var throttled = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = first, Headers = { RetryAfter = new(TimeSpan.FromSeconds(5)) } };
        var script = new Script(throttled, 200);
        await using var session = Session(script, new RetryPolicy { Total = 3 }, clock);

        var pending = session.GetAsync("http://localhost/flaky");
        (await clock.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(5));

        first.Disposed.ShouldBeTrue();
        clock.Advance(TimeSpan.FromSeconds(5));
        (await pending.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task When_retries_run_out_on_a_status_the_last_response_is_disposed_before_throwing()
    {
        var last = new TrackedContent();
        var script = new Script(new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = last });
        await using var session = Session(script, SeedPolicy with { Total = 0 });

        await Should.ThrowAsync<RetryExhaustedException>(() => session.GetAsync("http://localhost/flaky"));

        last.Disposed.ShouldBeTrue();
    }

    [Test]
    public async Task An_empty_mount_prefix_is_refused()
    {
        await using var session = new HttpSession(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)));

        Should.Throw<ArgumentException>(() => session.Mount("", new RetryPolicy()));
    }
}
