using ScenarioRunner.Cli;
using ScenarioRunner.Running;
using SessionKit.Tests.Integration.Standalone;

namespace SessionKit.Tests.Integration.Scenarios;

/// <summary>--target at a server started without --admin: the run says once what that costs, and resetFlaky says it cannot.</summary>
[NonParallelizable]
public class TargetWithoutAdminTests
{
    private StandaloneServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await StandaloneServer.StartAsync("--FakeAuth:LogRequests=false");

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    private static string Scenario(string prefix) => Directory.EnumerateFiles(ScenarioFolder.Path, $"{prefix}-*.yaml").Single();

    [Test]
    public async Task The_run_says_once_at_the_start_which_scenarios_and_steps_the_missing_admin_api_affects()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        await ScenarioCli.RunAsync([Scenario("08"), Scenario("11"), Scenario("15"), Scenario("36"), Scenario("39"), "--target", _server.BaseAddress.ToString()],
            output, errors, CancellationToken.None);

        var lines = errors.ToString().Split('\n');
        lines[0].ShouldBe($"note: the admin API of {_server.BaseAddress} is off (GET /_admin/info answered 404), so the server is not reset " +
                          "between scenarios and cannot add users, move its clock or reset /flaky; start it with --admin to run everything.");
        lines[1].ShouldBe("  skipped, they use stubs: 36-a-scraper-reads-its-orders-from-a-stub-and-logs-in-again-after-expiry.yaml");
        lines[2].ShouldBe("  skipped, they add users: 15-two-users-in-one-scenario.yaml");
        lines[3].ShouldBe("  will fail at their clock advance: 11-a-session-expires-when-the-clock-advances.yaml step 2");
        lines[4].ShouldBe("  resetFlaky steps skipped: 39-reset-flaky-starts-fail-first-again.yaml step 3");
        lines[5].ShouldBe("  may see /flaky counters left by earlier runs: 08-retries-on-flaky-fail-first.yaml, 39-reset-flaky-starts-fail-first-again.yaml");
        lines[6].ShouldStartWith("[1/5]", customMessage: "then the progress lines");
        errors.ToString().Split("admin API of").Length.ShouldBe(2, "said once, not per scenario");
    }

    [Test]
    public async Task A_run_against_a_target_with_the_admin_api_has_no_note()
    {
        await using var admin = await StandaloneServer.StartAsync("--admin", "--FakeAuth:LogRequests=false");
        using var errors = new StringWriter();

        await ScenarioCli.RunAsync([Scenario("39"), "--target", admin.BaseAddress.ToString()], TextWriter.Null, errors, CancellationToken.None);

        errors.ToString().ShouldNotContain("admin API");
    }

    [Test]
    public async Task Reset_flaky_is_skipped_saying_why_and_the_step_that_then_fails_points_back_at_it()
    {
        // A client id of its own, so this server's earlier requests have not spent its fail_first count.
        var folder = Directory.CreateTempSubdirectory("reset-flaky-").FullName;
        try
        {
            var file = Path.Combine(folder, "reset.yaml");
            var client = Guid.NewGuid().ToString("N");
            await File.WriteAllTextAsync(file, $$"""
                name: the retry lesson twice
                steps:
                  - request: { url: /flaky, params: { fail_first: "1" }, headers: { X-Client-Id: {{client}} } }
                    expect: { status: 500 }
                  - resetFlaky: true
                  - request: { url: /flaky, params: { fail_first: "1" }, headers: { X-Client-Id: {{client}} } }
                    expect: { status: 500 }
                """);

            var result = await ScenarioExecutor.RunFileAsync(file, _ => new SocketTarget(_server.BaseAddress));

            result.Steps[1].Verdict.ShouldBe(Verdict.Skipped);
            result.Steps[1].Failures.Single().ShouldBe("cannot reset /flaky's counters: the target's admin API is off; start the server with --admin");
            result.Steps[2].Verdict.ShouldBe(Verdict.Failed);
            result.Steps[2].Failures.ShouldBe(["status: expected 500, actual 200",
                "note: step 2 did not reset /flaky (cannot reset /flaky's counters: the target's admin API is off; start the server with --admin)"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
