using ScenarioRunner.Running;
using Spectre.Console;

namespace ScenarioRunner.Cli;

/// <summary>
/// --explain: the scenario's description, then each step with its session, every attempt and redirect hop as sent
/// and answered (with the session's retry lines between them), what it captured and the jar after it; otherwise
/// just the failing step. Secrets are masked unless --show-secrets.
/// </summary>
public static class Narrator
{
    public static void Write(IAnsiConsole console, ScenarioResult result) => Write(console, result, showSecrets: false);

    internal static void Write(IAnsiConsole console, ScenarioResult result, bool showSecrets)
    {
        console.MarkupLine($"[bold]=== {Markup.Escape(result.Name)}[/] [grey]({Markup.Escape(result.File)})[/]");
        if (result.Description.Length > 0) console.MarkupLine($"    [italic]{Markup.Escape(result.Description)}[/]");
        if (result.Reason is not null) console.MarkupLine($"    [yellow]{result.Verdict}: {Markup.Escape(result.Reason)}[/]");
        foreach (var step in result.Steps) WriteStep(console, step, showSecrets);
        console.WriteLine();
    }

    /// <summary>One step: its heading, then what it sent and received (the HTML report shows the same text per step).</summary>
    internal static void WriteStep(IAnsiConsole console, StepResult step, bool showSecrets)
    {
        var colour = step.Verdict switch { Verdict.Passed => "green", Verdict.Failed => "red", _ => "yellow" };
        console.MarkupLine($"[bold]--- step {step.Index}[/] (line {step.Line}){Markup.Escape(Heading(step))}: {Markup.Escape(step.Description)} — [{colour}]{step.Verdict}[/]");
        if (step.Trace.Count > 0) TraceNarration.Write(console, step, showSecrets);
        else if (step.Exchange is { } exchange) WriteExchange(console, exchange);
        if (step.Narration is { } narration) console.MarkupLine($"[grey]{Markup.Escape(narration)}[/]");
        foreach (var captured in step.Captured)
            console.MarkupLine($"[magenta]captured {{{{{Markup.Escape(captured.Name)}}}}} = " +
                               $"{Markup.Escape(Secrets.Captured(captured.Name, captured.From, captured.Value, showSecrets))}[/]");
        if (step.Exchange is { } after && step.Trace.Count > 0)
        {
            console.MarkupLine(step.OneOff ? "[yellow]jar after (one-off jar):[/]" : "[yellow]jar after:[/]");
            console.MarkupLine($"[yellow]{Markup.Escape(after.Jar)}[/]");
        }
        foreach (var failure in step.Failures) console.MarkupLine($"    [red]✗ {Markup.Escape(failure)}[/]");
    }

    /// <summary>Whose step it is: " [session alice]", " [one-off session]", or nothing for a clock advance.</summary>
    internal static string Heading(StepResult step) =>
        step.Session is null ? "" : step.OneOff ? " [one-off session]" : $" [session {step.Session}]";

    public static void WriteFailure(IAnsiConsole console, ScenarioResult result)
    {
        console.MarkupLine($"[red]{Markup.Escape(result.Report())}[/]");
        console.WriteLine();
    }

    /// <summary>A step without a trace (nothing reached the wire): the request, response and jar as recorded.</summary>
    private static void WriteExchange(IAnsiConsole console, ExchangeRecord exchange)
    {
        console.MarkupLine("[cyan]--> request[/]");
        console.MarkupLine($"[cyan]{Markup.Escape(exchange.Request)}[/]");
        console.MarkupLine("[blue]<-- response[/]");
        console.WriteLine(exchange.Response);
        console.MarkupLine("[yellow]jar after:[/]");
        console.MarkupLine($"[yellow]{Markup.Escape(exchange.Jar)}[/]");
    }
}
