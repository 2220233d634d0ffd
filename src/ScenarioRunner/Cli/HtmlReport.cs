using System.Net;
using System.Text;
using ScenarioRunner.Running;

namespace ScenarioRunner.Cli;

/// <summary>
/// --report-html: one self-contained file (inline CSS and SVG, no script, nothing fetched) to project in class or
/// keep beside the JUnit file in CI. Per scenario a <see cref="SequenceDiagram"/>, then its steps as the narration
/// shows them, collapsible; a failed step starts open.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; background: #fff; }
        h1 { font-size: 22px; } h2 { font-size: 17px; margin: 0 0 4px; }
        .scenario { border: 1px solid #ccc; border-left: 6px solid #2e7d32; border-radius: 4px; padding: 12px 16px; margin: 18px 0; }
        .scenario.failed { border-left-color: #c62828; } .scenario.skipped { border-left-color: #f9a825; }
        .verdict { font-size: 12px; padding: 1px 8px; border-radius: 8px; background: #e8f5e9; color: #2e7d32; margin-left: 8px; }
        .failed .verdict { background: #ffebee; color: #c62828; } .skipped .verdict { background: #fff8e1; color: #8d6e00; }
        .file, .reason { color: #666; font-size: 12px; margin: 0; } .description { font-style: italic; margin: 4px 0 8px; }
        .diagram { overflow-x: auto; margin: 8px 0; }
        svg.sequence text { font: 11px ui-monospace, monospace; fill: #222; }
        svg.sequence .lifeline line { stroke: #999; stroke-dasharray: 4 3; }
        svg.sequence .lifeline rect { fill: #e3f2fd; stroke: #1565c0; } svg.sequence .lifeline.server rect { fill: #ede7f6; stroke: #4527a0; }
        svg.sequence .lane-name { font-weight: bold; }
        svg.sequence .arrow line { stroke: #1565c0; stroke-width: 1.5; } svg.sequence .arrow line.response { stroke-dasharray: 5 3; }
        svg.sequence .arrow.server-error line.response { stroke: #ef6c00; } svg.sequence .arrow.server-error .status { fill: #ef6c00; }
        svg.sequence .arrow.failed line { stroke: #c62828; } svg.sequence .arrow.failed text, svg.sequence .failure { fill: #c62828; }
        svg.sequence .cookie rect { stroke: none; } svg.sequence .cookie.sent rect { fill: #fff3e0; } svg.sequence .cookie.set rect { fill: #e8f5e9; }
        svg.sequence .badge { font-size: 9px; } svg.sequence .log, svg.sequence .step-label { fill: #777; font-size: 10px; }
        svg.sequence .note rect { fill: #fffde7; stroke: #f9a825; } svg.sequence .note.skipped rect { fill: #f5f5f5; stroke: #bbb; }
        details.step { margin: 2px 0; } details.step summary { cursor: pointer; font-family: ui-monospace, monospace; font-size: 12px; }
        details.step.failed summary { color: #c62828; font-weight: bold; } details.step.skipped summary { color: #8d6e00; }
        details.step pre { background: #f7f7f7; padding: 8px; overflow-x: auto; font-size: 12px; margin: 4px 0 8px; }
        """;

    // Marker ids must be unique in the document: defined once here, used by every diagram.
    private const string Markers = """
        <svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>
        <marker id="sk-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1565c0"/></marker>
        <marker id="sk-arrow-failed" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#c62828"/></marker>
        </defs></svg>
        """;

    public static void Write(string path, IReadOnlyList<ScenarioResult> results, TimeSpan wall, bool showSecrets) =>
        File.WriteAllText(path, Render(results, wall, showSecrets), new UTF8Encoding(false));

    public static string Render(IReadOnlyList<ScenarioResult> results, TimeSpan wall, bool showSecrets)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>SessionKit scenarios</title><style>")
            .Append(Style).Append("</style></head><body>\n").Append(Markers)
            .Append("<h1>SessionKit scenarios</h1>\n<p class=\"summary\">")
            .Append(Encode($"{Count(results, Verdict.Passed)} passed, {Count(results, Verdict.Failed)} failed, " +
                           $"{Count(results, Verdict.Skipped)} skipped in {wall.TotalSeconds:0.00} s wall time"))
            .Append("</p>\n");
        for (var i = 0; i < results.Count; i++) Scenario(html, results[i], i + 1, showSecrets);
        return html.Append("</body></html>\n").ToString();
    }

    private static void Scenario(StringBuilder html, ScenarioResult result, int number, bool showSecrets)
    {
        var verdict = result.Verdict.ToString().ToLowerInvariant();
        html.Append($"<section class=\"scenario {verdict}\" id=\"scenario-{number}\">")
            .Append($"<h2>{Encode(result.Name)}<span class=\"verdict\">{verdict}</span></h2>")
            .Append($"<p class=\"file\">{Encode(result.File)}</p>");
        if (result.Description.Length > 0) html.Append($"<p class=\"description\">{Encode(result.Description)}</p>");
        if (result.Reason is not null) html.Append($"<p class=\"reason\">{Encode(result.Reason)}</p>");
        if (result.Steps.Count > 0) html.Append("<figure class=\"diagram\">").Append(SequenceDiagram.Svg(result, showSecrets)).Append("</figure>");
        html.Append("<div class=\"steps\">");
        foreach (var step in result.Steps)
        {
            var state = step.Verdict.ToString().ToLowerInvariant();
            html.Append($"<details class=\"step {state}\"{(step.Verdict == Verdict.Failed ? " open" : "")}>")
                .Append($"<summary>step {step.Index} (line {step.Line}){Encode(Narrator.Heading(step))}: {Encode(step.Description)} — {state}</summary>")
                .Append("<pre>").Append(Encode(StepText(step, showSecrets))).Append("</pre></details>");
        }
        html.Append("</div></section>\n");
    }

    /// <summary>The step as --explain prints it, without its heading (the summary line is that).</summary>
    private static string StepText(StepResult step, bool showSecrets)
    {
        using var writer = new StringWriter();
        Narrator.WriteStep(ReportConsole.Over(writer), step, showSecrets);
        var text = writer.ToString();
        var firstBreak = text.IndexOf('\n');
        return firstBreak < 0 ? "" : text[(firstBreak + 1)..].TrimEnd();
    }

    private static int Count(IReadOnlyList<ScenarioResult> results, Verdict verdict) => results.Count(r => r.Verdict == verdict);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
