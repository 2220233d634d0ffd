using ScenarioRunner.Running;
using ScenarioRunner.Running.Tracing;
using Spectre.Console;

namespace ScenarioRunner.Cli;

/// <summary>
/// A step's trace as text: each exchange on the wire, numbered and labelled (a retry attempt, a redirect hop), with
/// its headers one value per line and its body, and the session's log lines where they were written.
/// The final response's body is the step's own (the trace keeps none).
/// </summary>
internal static class TraceNarration
{
    public static void Write(IAnsiConsole console, StepResult step, bool showSecrets)
    {
        var exchanges = step.Trace.OfType<WireExchange>().ToList();
        var number = 0;
        foreach (var (entry, label) in Label(step.Trace))
        {
            if (entry is LogNote note)
            {
                console.MarkupLine($"    [grey]log: {Markup.Escape(note.Text)}[/]");
                continue;
            }
            var exchange = (WireExchange)entry;
            number++;
            var of = exchanges.Count > 1 ? $" {number} of {exchanges.Count}" : "";
            console.MarkupLine($"[cyan]--> request{of}{Markup.Escape(label)}: {exchange.Method} {Markup.Escape(Secrets.Url(exchange.Url, showSecrets))}[/]");
            foreach (var (name, value) in exchange.RequestHeaders)
                console.MarkupLine($"[cyan]    {Markup.Escape(name)}: {Markup.Escape(Secrets.Header(name, value, showSecrets))}[/]");
            if (exchange.RequestBody is { Length: > 0 } body)
                console.MarkupLine($"[cyan]    {Markup.Escape(Secrets.Body(body, exchange.RequestHeader("Content-Type").FirstOrDefault(), showSecrets))}[/]");
            if (exchange.Error is { } error)
            {
                console.MarkupLine($"[red]<-- no response{of}: {Markup.Escape(error)}[/]");
                continue;
            }
            console.MarkupLine($"[blue]<-- response{of}: {exchange.Status} {Markup.Escape(exchange.ReasonPhrase ?? "")}[/]");
            foreach (var (name, value) in exchange.ResponseHeaders) console.WriteLine($"    {name}: {value}");
            if (number == exchanges.Count && step.ResponseBody is { Length: > 0 } final)
            {
                console.WriteLine();
                console.WriteLine(Indent(Checks.Excerpt.Of(Secrets.Body(final, exchange.ResponseHeader("Content-Type").FirstOrDefault(), showSecrets))));
            }
        }
    }

    /// <summary>
    /// An exchange after urllib3's "Incremented Retry" line is that request again; one to the Location the previous
    /// one answered with is a redirect hop. Anything else (a re-login's requests) carries no label.
    /// </summary>
    private static IEnumerable<(TraceEntry Entry, string Label)> Label(IReadOnlyList<TraceEntry> trace)
    {
        WireExchange? previous = null;
        var retried = false;
        var attempt = 1;
        var hop = 0;
        foreach (var entry in trace)
        {
            if (entry is LogNote note)
            {
                if (note.Text.StartsWith("Incremented Retry", StringComparison.Ordinal)) retried = true;
                yield return (entry, "");
                continue;
            }
            var exchange = (WireExchange)entry;
            var label = "";
            if (retried) label = $" (retry: attempt {++attempt})";
            else if (previous is { IsRedirect: true } && RedirectTarget(previous) == exchange.Url)
            {
                label = $" (redirect hop {++hop}: {previous.Status} from {previous.Url.AbsolutePath})";
                attempt = 1;
            }
            else attempt = 1;
            retried = false;
            previous = exchange;
            yield return (entry, label);
        }
    }

    private static Uri? RedirectTarget(WireExchange exchange) =>
        Uri.TryCreate(exchange.Url, exchange.ResponseHeader("Location").First(), out var next) ? next : null;

    private static string Indent(string text) => "    " + text.ReplaceLineEndings(Environment.NewLine + "    ");
}
