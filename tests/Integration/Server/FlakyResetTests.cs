using System.Net;
using SessionKit.Tests.Integration.Standalone;

namespace SessionKit.Tests.Integration.Server;

/// <summary>?mode=reset: a failure drops the connection instead of answering; the server then carries on.</summary>
public class FlakyResetTests : ServerTestBase
{
    [Test]
    public async Task In_process_a_reset_failure_cancels_the_client_request_and_the_next_request_is_answered()
    {
        // TestServer reports an aborted request as a cancellation; a hang would be WaitAsync's TimeoutException.
        await Should.ThrowAsync<TaskCanceledException>(() =>
            Client.GetAsync("/flaky?failure_rate=1&mode=reset").WaitAsync(TimeSpan.FromSeconds(10)));

        (await Client.GetAsync("/flaky?failure_rate=0")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_success_in_reset_mode_is_answered_normally() =>
        (await Client.GetAsync("/flaky?failure_rate=0&mode=reset")).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Test]
    public async Task Mode_answer_names_the_default_explicitly() =>
        (await Client.GetAsync("/flaky?failure_rate=1&mode=answer")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
}

/// <summary>?mode=reset against the real server on a socket: what urllib3 and HttpClient see as a read error.</summary>
[NonParallelizable]
public class FlakyResetStandaloneTests
{
    private StandaloneServer _server = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _server = await StandaloneServer.StartAsync("--FakeAuth:LogRequests=false");
        _client = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task A_reset_failure_is_a_connection_error_and_the_next_request_is_answered()
    {
        var thrown = await Should.ThrowAsync<HttpRequestException>(() => _client.GetAsync("/flaky?failure_rate=1&mode=reset"));
        // Reset by peer or ended early, depending on timing: either way a transport read error, no status line.
        thrown.InnerException.ShouldBeAssignableTo<IOException>(thrown.ToString());

        (await _client.GetAsync("/flaky?failure_rate=0")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Fail_first_keys_a_real_client_by_its_address_so_its_second_request_succeeds()
    {
        await Should.ThrowAsync<HttpRequestException>(() => _client.GetAsync("/flaky?fail_first=1&mode=reset"));

        var response = await _client.GetAsync("/flaky?fail_first=1&mode=reset");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"message":"Success"}""");
    }
}
