using Spectre.Console;

namespace ScenarioRunner.Cli;

/// <summary>The console the summary and narration are written to.</summary>
internal static class ReportConsole
{
    /// <summary>Colour on a terminal; plain text, 120 columns wide, when redirected to a file, a pipe or a test's writer.</summary>
    public static IAnsiConsole Over(TextWriter writer)
    {
        var terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = 120;
        return console;
    }
}
