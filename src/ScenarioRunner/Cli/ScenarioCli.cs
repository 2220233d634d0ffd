using System.CommandLine;
using System.CommandLine.Invocation;

namespace ScenarioRunner.Cli;

/// <summary>The command line over any pair of writers, so tests read what a user would see.</summary>
public static class ScenarioCli
{
    public const int Passed = 0, Failed = 1, BadArguments = 2;

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken) =>
        RunAsync(args, output, errors, InvokedAs.Current, cancellationToken);

    /// <param name="commandName">What the usage line calls the command: sessionkit, or the dotnet run line.</param>
    internal static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, string commandName,
        CancellationToken cancellationToken)
    {
        var command = new ScenarioCommand(commandName);
        command.Root.SetAction(async (parsed, token) =>
        {
            if (!parsed.GetValue(command.Version)) return await ScenarioRun.RunAsync(command.Read(parsed), output, errors, token);
            await output.WriteLineAsync(ScenarioCommand.PackageVersion);
            return Passed;
        });
        var parsed = command.Root.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            // Our own handling rather than System.CommandLine's: it exits 1, which here means a scenario failed,
            // and prints the help to stdout, where the summary goes.
            foreach (var error in parsed.Errors) await errors.WriteLineAsync(error.Message);
            await errors.WriteLineAsync();
            await command.Root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = errors }, cancellationToken);
            return BadArguments;
        }
        var writers = new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false };
        return await parsed.InvokeAsync(writers, cancellationToken);
    }
}
