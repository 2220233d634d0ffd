using System.Globalization;
using System.Net;
using System.Text;
using ScenarioRunner.Running;
using ScenarioRunner.Running.Tracing;

namespace ScenarioRunner.Cli;

/// <summary>
/// One scenario as an SVG sequence diagram: a lifeline per session (and one for one-off requests) plus the server;
/// per exchange on the wire (each retry attempt, each redirect hop) a request arrow and a dashed response arrow in
/// one <c>g.arrow</c>, with badges for the cookies sent and set; clock advances as notes across the lifelines;
/// the session's log lines (urllib3's retry line, the wait) in grey; a failing step in red.
/// </summary>
internal static class SequenceDiagram
{
    private const int Gap = 240, BoxWidth = 150, Left = 70, HeaderHeight = 34, RowHeight = 60, CharWidth = 6;
    private const string Server = "server", OneOff = "one-off";

    public static string Svg(ScenarioResult result, bool showSecrets)
    {
        var lanes = Lanes(result);
        double X(string lane) => Left + BoxWidth / 2.0 + lanes.IndexOf(lane) * Gap;
        var body = new StringBuilder();
        var y = HeaderHeight + 24.0;
        var width = Left + BoxWidth + (lanes.Count - 1) * Gap + 20.0;

        foreach (var step in result.Steps)
        {
            body.Append(Text(4, y + 4, $"step {step.Index}", "step-label"));
            var lane = step.OneOff ? OneOff : step.Session;
            if (lane is null)
            {
                if (step.Narration is { } note) y = Note(body, note, X(lanes[0]) - 60, X(Server) + 60, y, "clock", ref width);
                else if (step.Verdict == Verdict.Skipped)
                    y = Note(body, $"not run: {step.Description}", X(lanes[0]) - 60, X(Server) + 60, y, "skipped", ref width);
            }
            else
            {
                var exchanges = step.Trace.OfType<WireExchange>().ToList();
                foreach (var entry in step.Trace)
                {
                    if (entry is LogNote log)
                    {
                        body.Append(Text(X(lane) + 8, y, log.Text, "log"));
                        width = Math.Max(width, X(lane) + 8 + log.Text.Length * (CharWidth + 0.6)); // 10px monospace runs a little wider
                        y += 16;
                        continue;
                    }
                    var exchange = (WireExchange)entry;
                    var failed = exchange.Error is not null || step.Verdict == Verdict.Failed && ReferenceEquals(exchange, exchanges[^1]);
                    Exchange(body, step, exchange, X(lane), X(Server), y + 14, failed, showSecrets);
                    y += RowHeight;
                }
                if (exchanges.Count == 0 && step.Narration is { } note) y = Note(body, note, X(lane) - 70, X(lane) + 70, y, "session-note", ref width);
                if (step.Verdict == Verdict.Skipped && exchanges.Count == 0 && step.Narration is null)
                    y = Note(body, $"not run: {step.Description}", X(lane) - 70, X(Server) + 60, y, "skipped", ref width);
            }
            foreach (var failure in step.Failures.Where(_ => step.Verdict == Verdict.Failed))
            {
                body.Append(Text(X(lanes[0]) - 60, y + 4, "✗ " + failure, "failure"));
                width = Math.Max(width, X(lanes[0]) - 60 + (failure.Length + 2) * CharWidth);
                y += 18;
            }
            y += 8;
        }

        var height = y + 10;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"sequence\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:0}\" height=\"{height:0}\" viewBox=\"0 0 {width:0} {height:0}\" role=\"img\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Html(result.Name)}</title>");
        foreach (var lane in lanes)
        {
            var x = X(lane);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"lifeline{(lane == Server ? " server" : "")}\" data-name=\"{Html(lane)}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" y1=\"{HeaderHeight:0}\" x2=\"{x:0.#}\" y2=\"{height - 4:0}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x - BoxWidth / 2.0:0.#}\" y=\"4\" width=\"{BoxWidth}\" height=\"{HeaderHeight - 8}\" rx=\"4\"/>");
            svg.Append(Text(x, HeaderHeight / 2.0 + 4, lane == Server || lane == OneOff ? lane : $"session {lane}", "lane-name", anchor: "middle"));
            svg.Append("</g>");
        }
        return svg.Append(body).Append("</svg>").ToString();
    }

    /// <summary>The sessions in the order the steps first use them, then the server.</summary>
    private static List<string> Lanes(ScenarioResult result)
    {
        var lanes = result.Steps.Select(s => s.OneOff ? OneOff : s.Session).OfType<string>().Distinct().ToList();
        if (lanes.Count == 0) lanes.Add("default");
        lanes.Add(Server);
        return lanes;
    }

    private static void Exchange(StringBuilder svg, StepResult step, WireExchange exchange, double from, double to, double y, bool failed,
        bool showSecrets)
    {
        var url = Secrets.Url(exchange.Url, showSecrets);
        var answer = exchange.Error ?? $"{exchange.Status} {exchange.ReasonPhrase}";
        var classes = "arrow" + (failed ? " failed" : "") + (exchange.Status >= 500 ? " server-error" : "");
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"{classes}\" data-step=\"{step.Index}\"><title>{Html($"{exchange.Method} {url} → {answer}")}</title>");
        var marker = failed ? "url(#sk-arrow-failed)" : "url(#sk-arrow)";
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"request\" x1=\"{from:0.#}\" y1=\"{y:0.#}\" x2=\"{to - 2:0.#}\" y2=\"{y:0.#}\" marker-end=\"{marker}\"/>");
        svg.Append(Text((from + to) / 2, y - 5, Short($"{exchange.Method} {PathOf(url)}"), "label", anchor: "middle"));
        var sent = exchange.RequestHeader("Cookie").SelectMany(h => h.Split(';')).Select(NameOf).Where(n => n.Length > 0);
        Badges(svg, sent, from + 6, y + 4, "sent", "Cookie: ");
        var back = y + 30;
        if (exchange.Error is null)
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"response\" x1=\"{to:0.#}\" y1=\"{back:0.#}\" x2=\"{from + 2:0.#}\" y2=\"{back:0.#}\" marker-end=\"{marker}\"/>");
        svg.Append(Text((from + to) / 2, back - 4, Short(answer), "label status", anchor: "middle"));
        Badges(svg, exchange.ResponseHeader("Set-Cookie").Select(NameOf), from + 6, back + 3, "set", "Set-Cookie: ");
        svg.Append("</g>");
    }

    private static void Badges(StringBuilder svg, IEnumerable<string> names, double x, double y, string kind, string prefix)
    {
        foreach (var name in names)
        {
            var text = prefix + name;
            var width = text.Length * CharWidth + 8;
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"cookie {kind}\"><rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{width}\" height=\"12\" rx=\"6\"/>");
            svg.Append(Text(x + 4, y + 9.5, text, "badge")).Append("</g>");
            x += width + 4;
        }
    }

    private static double Note(StringBuilder svg, string text, double left, double right, double y, string kind, ref double svgWidth)
    {
        // Multi-line narration (a loadCookies with its jar) is one line here: the steps below the diagram hold the rest.
        text = text.ReplaceLineEndings(" ");
        var width = Math.Max(right - left, text.Length * CharWidth + 16);
        svgWidth = Math.Max(svgWidth, left + width + 4);
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"note {kind}\"><rect x=\"{left:0.#}\" y=\"{y - 10:0.#}\" width=\"{width:0.#}\" height=\"20\" rx=\"3\"/>");
        svg.Append(Text(left + 8, y + 4, text, "note-text")).Append("</g>");
        return y + 26;
    }

    private static string Text(double x, double y, string text, string cssClass, string anchor = "start") =>
        string.Create(CultureInfo.InvariantCulture,
            $"<text class=\"{cssClass}\" x=\"{x:0.#}\" y=\"{y:0.#}\"{(anchor == "start" ? "" : $" text-anchor=\"{anchor}\"")}>{Html(text)}</text>");

    private static string PathOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host != "localhost"
            ? url[(url.IndexOf("//", StringComparison.Ordinal) + 2)..]
            : url.IndexOf('/', url.IndexOf("//", StringComparison.Ordinal) + 2) is var slash and >= 0 ? url[slash..] : url;

    private static string NameOf(string cookie) => cookie.Split('=')[0].Trim();

    private static string Short(string text) => text.Length <= 34 ? text : text[..33] + "…";

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
