using System.Net;

namespace SessionKit.Tests.Integration.Server;

/// <summary>How a designed failure looks: ?status= picks the status, ?retry_after= adds Retry-After; success stays exact.</summary>
public class FlakyFailureShapeTests : ServerTestBase
{
    [TestCase(408, "Request Timeout")]
    [TestCase(413, "Payload Too Large")]
    [TestCase(429, "Too Many Requests")]
    [TestCase(502, "Bad Gateway")]
    [TestCase(503, "Service Unavailable")]
    [TestCase(504, "Gateway Timeout")]
    public async Task A_chosen_failure_status_answers_with_a_problem_naming_it(int status, string title)
    {
        var response = await Client.GetAsync($"/flaky?failure_rate=1&status={status}");

        ((int)response.StatusCode).ShouldBe(status);
        response.Content.Headers.ContentType.ShouldNotBeNull().MediaType.ShouldBe("application/problem+json");
        var problem = await JsonOf(response);
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        problem.GetProperty("title").GetString().ShouldBe(title);
        response.Headers.Contains("Retry-After").ShouldBeFalse();
    }

    [Test]
    public async Task Status_500_keeps_the_seed_body_byte_for_byte()
    {
        var response = await Client.GetAsync("/flaky?failure_rate=1&status=500&retry_after=1");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe("""{"detail":"Server error"}"""u8.ToArray());
        response.Headers.GetValues("Retry-After").ShouldBe(["1"]);
    }

    [Test]
    public async Task Status_503_with_retry_after_2_says_retry_after_2_seconds()
    {
        var response = await Client.GetAsync("/flaky?fail_first=1&status=503&retry_after=2");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.GetValues("Retry-After").ShouldBe(["2"]);
        response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(2));
    }

    [TestCase("0", "0")]
    [TestCase("3600", "3600")]
    [TestCase("007", "7")]
    [TestCase("Sun, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMT")]
    [TestCase("Sunday, 06-Nov-94 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMT")]
    [TestCase("Sun Nov  6 08:49:37 1994", "Sun, 06 Nov 1994 08:49:37 GMT")]
    [TestCase("Thu, 01 Jan 2026 12:00:30 GMT", "Thu, 01 Jan 2026 12:00:30 GMT")]
    public async Task Retry_after_is_sent_as_seconds_or_a_normalized_http_date(string given, string sent)
    {
        var response = await Client.GetAsync($"/flaky?failure_rate=1&status=429&retry_after={Uri.EscapeDataString(given)}");

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.GetValues("Retry-After").ShouldBe([sent]);
    }

    [Test]
    public async Task An_http_date_retry_after_parses_back_to_the_same_instant()
    {
        var response = await Client.GetAsync("/flaky?failure_rate=1&status=503&retry_after=" +
                                             Uri.EscapeDataString("Thu, 01 Jan 2026 12:00:30 GMT"));

        response.Headers.RetryAfter.ShouldNotBeNull().Date.ShouldBe(new DateTimeOffset(2026, 1, 1, 12, 0, 30, TimeSpan.Zero));
    }

    [Test]
    public async Task A_success_carries_no_retry_after_and_the_seed_body()
    {
        var response = await Client.GetAsync("/flaky?failure_rate=0&status=503&retry_after=5");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Retry-After").ShouldBeFalse();
        response.Content.Headers.ContentType.ShouldNotBeNull().MediaType.ShouldBe("application/json");
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"message":"Success"}""");
    }
}
