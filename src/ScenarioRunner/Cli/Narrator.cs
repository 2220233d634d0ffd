using ScenarioRunner.Running;
using Spectre.Console;

namespace ScenarioRunner.Cli;

/// <summary>--explain: each step as sent and answered, with the jar after it, in colour; otherwise just the failing step.</summary>
public static class Narrator
{
    public static void Write(IAnsiConsole console, ScenarioResult result)
    {
        console.MarkupLine($"[bold]=== {Markup.Escape(result.Name)}[/] [grey]({Markup.Escape(result.File)})[/]");
        if (result.Reason is not null) console.MarkupLine($"    [yellow]{result.Verdict}: {Markup.Escape(result.Reason)}[/]");
        foreach (var step in result.Steps)
        {
            var colour = step.Verdict switch { Verdict.Passed => "green", Verdict.Failed => "red", _ => "yellow" };
            console.MarkupLine($"[bold]--- step {step.Index}[/] (line {step.Line}): {Markup.Escape(step.Description)} — [{colour}]{step.Verdict}[/]");
            if (step.Exchange is { } exchange) WriteExchange(console, exchange);
            if (step.Narration is { } narration) console.MarkupLine($"[grey]{Markup.Escape(narration)}[/]");
            foreach (var failure in step.Failures) console.MarkupLine($"    [red]✗ {Markup.Escape(failure)}[/]");
        }
        console.WriteLine();
    }

    public static void WriteFailure(IAnsiConsole console, ScenarioResult result)
    {
        console.MarkupLine($"[red]{Markup.Escape(result.Report())}[/]");
        console.WriteLine();
    }

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
