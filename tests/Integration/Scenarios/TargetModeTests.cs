using ScenarioRunner.Cli;
using ScenarioRunner.Running;
using SessionKit.Tests.Integration.Client;
using SessionKit.Tests.Integration.Standalone;

namespace SessionKit.Tests.Integration.Scenarios;

/// <summary>--target against the real server binary: the admin API resets it, adds users and moves its clock.</summary>
public class TargetModeTests
{
    private static async Task<List<ScenarioResult>> RunFolderAsync(Uri target, params string[] only)
    {
        var results = new List<ScenarioResult>();
        foreach (var file in ScenarioFiles.Find([ScenarioFolder.Path]))
            if (only.Length == 0 || only.Any(o => Path.GetFileName(file).StartsWith(o, StringComparison.Ordinal)))
                results.Add(await ScenarioExecutor.RunFileAsync(file, _ => new SocketTarget(target)));
        return results;
    }

    /// <summary>scenarios/stubs (every stub scenario's folder) and the guards those scenarios name, as .ci/run starts the tool.</summary>
    private static readonly string[] ScenarioStubs =
    [
        "--stubs", Path.Combine(ScenarioFolder.Path, "stubs"),
        "--FakeAuth:Stubs:Guards:/account=session", "--FakeAuth:Stubs:Guards:/v1=bearer:invoices.read", "--FakeAuth:Stubs:Guards:/reports=session",
    ];

    /// <summary>--admin, http and https on free loopback ports (https with the certificate the server generates), the scenarios' stubs.</summary>
    private static Task<StandaloneServer> StartWithHttpsAsync() =>
        StandaloneServer.StartAsync(["--admin", "--urls",
            $"http://127.0.0.1:{LoopbackPorts.Free("127.0.0.1")};https://127.0.0.1:{LoopbackPorts.Free("127.0.0.1")}", .. ScenarioStubs]);

    [Test]
    public async Task Every_scenario_passes_against_a_server_started_with_admin_and_https()
    {
        await using var server = await StartWithHttpsAsync();

        var results = await RunFolderAsync(server.BaseAddress);

        results.Count.ShouldBe(ScenarioFiles.Find([ScenarioFolder.Path]).Count);
        results.Where(r => r.Verdict != Verdict.Passed).Select(r => r.Report()).ShouldBeEmpty();
    }

    [Test]
    public async Task A_second_run_passes_too_although_the_server_clock_kept_the_first_runs_advances()
    {
        await using var server = await StartWithHttpsAsync();

        // 23 computes a TOTP code: it must be on the server's clock, which earlier scenarios moved hours ahead.
        await RunFolderAsync(server.BaseAddress, "11-", "28-", "29-");
        var again = await RunFolderAsync(server.BaseAddress, "11-", "23-", "28-");

        again.Where(r => r.Verdict != Verdict.Passed).Select(r => r.Report()).ShouldBeEmpty();
    }

    [Test]
    public async Task Without_stubs_a_stub_scenario_is_skipped_saying_how_to_start_the_server()
    {
        await using var server = await StandaloneServer.StartAsync("--admin");

        var result = (await RunFolderAsync(server.BaseAddress, "36-")).Single();

        result.Verdict.ShouldBe(Verdict.Skipped);
        result.Reason.ShouldBe("uses stubs, and the target serves none that it told of: start the server with --admin --stubs " +
                               $"{Path.Combine(ScenarioFolder.Path, "stubs", "orders")} --FakeAuth:Stubs:Guards:/account=session");
    }

    [Test]
    public async Task With_other_stub_guards_a_stub_scenario_is_skipped_naming_the_guard_it_needs()
    {
        await using var server = await StandaloneServer.StartAsync("--admin", "--stubs", Path.Combine(ScenarioFolder.Path, "stubs"));

        var result = (await RunFolderAsync(server.BaseAddress, "37-")).Single();

        result.Verdict.ShouldBe(Verdict.Skipped);
        result.Reason!.ShouldStartWith("needs the stub guards /v1=bearer:invoices.read, which the target lacks");
    }

    [Test]
    public async Task The_stateful_stub_scenario_passes_twice_on_one_target_because_the_reset_restarts_wiremocks_scenarios()
    {
        await using var server = await StandaloneServer.StartAsync(["--admin", .. ScenarioStubs]);

        var first = await RunFolderAsync(server.BaseAddress, "38-");
        var second = await RunFolderAsync(server.BaseAddress, "38-");

        first.Concat(second).Where(r => r.Verdict != Verdict.Passed).Select(r => r.Report()).ShouldBeEmpty();
    }

    [Test]
    public async Task Without_https_the_secure_cookie_scenario_is_skipped_saying_how_to_start_the_server()
    {
        await using var server = await StandaloneServer.StartAsync("--admin");

        var results = await RunFolderAsync(server.BaseAddress, "13-", "26-");

        results[0].Verdict.ShouldBe(Verdict.Skipped);
        results[0].Reason.ShouldBe("requests https:// URLs and the target serves no https that it told of: " + SocketTarget.StartWithHttps);
        results[1].Verdict.ShouldBe(Verdict.Passed, "api.example.com and www.example.com connect to the target: " + results[1].Report());
    }

    [Test]
    public async Task Without_the_admin_api_an_advance_fails_saying_how_to_turn_it_on_and_a_user_scenario_is_skipped()
    {
        await using var server = await StandaloneServer.StartAsync();

        var results = await RunFolderAsync(server.BaseAddress, "11-", "15-");

        results[0].Verdict.ShouldBe(Verdict.Failed);
        results[0].FailedStep!.Failures.Single().ShouldContain("start the server with --admin");
        results[1].Verdict.ShouldBe(Verdict.Skipped);
        results[1].Reason.ShouldBe("adds users (bob), which needs the admin API: start the server with --admin");
    }

    [Test]
    public async Task State_left_by_one_scenario_is_reset_before_the_next()
    {
        await using var server = await StandaloneServer.StartAsync("--admin");

        // fail_first counts per X-Client-Id: without the reset the second run's first request would already succeed.
        var first = await RunFolderAsync(server.BaseAddress, "08-");
        var second = await RunFolderAsync(server.BaseAddress, "08-");

        first.Single().Verdict.ShouldBe(Verdict.Passed, first.Single().Report());
        second.Single().Verdict.ShouldBe(Verdict.Passed, second.Single().Report());
    }
}
