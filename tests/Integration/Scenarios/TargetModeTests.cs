using ScenarioRunner.Cli;
using ScenarioRunner.Running;
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

    [Test]
    public async Task Every_scenario_passes_or_is_skipped_with_a_reason_against_a_server_started_with_admin()
    {
        await using var server = await StandaloneServer.StartAsync("--admin");

        var results = await RunFolderAsync(server.BaseAddress);

        results.Count.ShouldBe(ScenarioFiles.Find([ScenarioFolder.Path]).Count);
        results.Where(r => r.Verdict == Verdict.Failed).Select(r => r.Report()).ShouldBeEmpty();
        results.Where(r => r.Verdict == Verdict.Skipped).ShouldAllBe(r => !string.IsNullOrWhiteSpace(r.Reason));
        var advancing = results.Where(r => Path.GetFileName(r.File).StartsWith("11-", StringComparison.Ordinal) ||
                                           Path.GetFileName(r.File).StartsWith("22-", StringComparison.Ordinal)).ToList();
        advancing.Count.ShouldBe(2);
        advancing.ShouldAllBe(r => r.Verdict == Verdict.Passed);
        results.Single(r => Path.GetFileName(r.File).StartsWith("15-", StringComparison.Ordinal)).Verdict
            .ShouldBe(Verdict.Passed, "bob is added through POST /_admin/users");
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
