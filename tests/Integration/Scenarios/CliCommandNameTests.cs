using System.Diagnostics;
using ScenarioRunner.Cli;

namespace SessionKit.Tests.Integration.Scenarios;

/// <summary>The usage line names the command as it was typed: sessionkit for the tool, the dotnet run line from source.</summary>
public class CliCommandNameTests
{
    [Test]
    public async Task Run_from_this_projects_own_build_the_usage_shows_the_dotnet_run_line()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "ScenarioRunner.dll"), "--help"]) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync());
        output.ShouldContain("Usage:\n  dotnet run --project src/ScenarioRunner -- [<PATH>...] [options]");
    }

    [Test]
    public async Task Hosted_by_anything_else_the_usage_speaks_of_the_sessionkit_tool()
    {
        using var output = new StringWriter();

        (await ScenarioCli.RunAsync(["--help"], output, TextWriter.Null, CancellationToken.None)).ShouldBe(ScenarioCli.Passed);

        output.ToString().ShouldContain("Usage:\n  sessionkit [<PATH>...] [options]");
        output.ToString().ShouldNotContain("testhost");
    }
}
