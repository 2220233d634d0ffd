namespace ScenarioRunner.Cli;

/// <summary>
/// <c>dotnet run --project src/ScenarioRunner -- scenarios/ [--target URL] [--explain] [--report-junit FILE]</c>; <c>--help</c> for more.
/// Exit code 0 when every scenario passed or was skipped, 1 on a failure, 2 on bad arguments.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args)
    {
        ServerEnvironment.Prepare(); // process-wide settings for the in-process server: only for the real command line
        return ScenarioCli.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
    }
}
