using Spectre.Console;

namespace ScenarioRunner.Cli;

/// <summary>The console the summary and narration are written to.</summary>
internal static class ReportConsole
{
    /// <summary>Wide enough for any line; the summary table still sizes its columns to their content.</summary>
    public const int UnwrappedWidth = 1_000_000;

    /// <summary>
    /// Colour on a terminal; plain text when redirected to a file, a pipe or a test's writer. Spectre wraps every line
    /// at the profile's width (80 when it cannot ask a terminal), which breaks tokens and URLs in a saved narration:
    /// redirected, the width is one no line reaches, so nothing is wrapped.
    /// </summary>
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
        if (!terminal) console.Profile.Width = UnwrappedWidth;
        return console;
    }
}
