using System.Text.Json;
using System.Text.RegularExpressions;
using ScenarioRunner.Checks;
using ScenarioRunner.Model;

namespace ScenarioRunner.Running;

/// <summary>Reads one value out of a step's outcome into the scenario's variables.</summary>
internal static class Capturer
{
    /// <summary>Null when captured, else why not.</summary>
    public static string? Capture(CaptureSpec spec, StepOutcome outcome, Variables variables)
    {
        var value = spec.Source switch
        {
            CaptureSource.Header => HeaderCheck.Values(outcome.Response, spec.Expression),
            CaptureSource.Cookie => outcome.Jar.FirstOrDefault(c => c.Name == spec.Expression && !c.IsExpired(outcome.Now))?.Value,
            CaptureSource.Regex => Match(outcome.Body, spec.Expression),
            _ => JsonPath(outcome.Body, spec.Expression),
        };
        if (value is null) return $"capture {spec.Variable}: no {spec.Source.ToString().ToLowerInvariant()} '{spec.Expression}' in the response";
        var narrowed = spec.Pattern is { } pattern ? Match(value, pattern) : value;
        if (narrowed is null)
            return $"capture {spec.Variable}: the {spec.Source.ToString().ToLowerInvariant()} '{spec.Expression}' does not match /{spec.Pattern}/";
        variables.Set(spec.Variable, narrowed);
        return null;
    }

    /// <summary>Group 1 when the pattern has groups, else the whole match; null when it does not match.</summary>
    private static string? Match(string text, string pattern) =>
        Regex.Match(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)) is { Success: true } m
            ? (m.Groups.Count > 1 ? m.Groups[1].Value : m.Value) : null;

    /// <summary>A dotted path: "cookies.user_id", "items.0.name".</summary>
    private static string? JsonPath(string body, string path)
    {
        try
        {
            var element = JsonDocument.Parse(body).RootElement;
            foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(part, out var child)) element = child;
                else if (element.ValueKind == JsonValueKind.Array && int.TryParse(part, out var i) && i < element.GetArrayLength()) element = element[i];
                else return null;
            }
            return element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
