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
            _ => JsonPaths.Read(outcome.Body, spec.Expression), // json, and the token a jwt capture reads its claim from
        };
        if (value is null) return $"capture {spec.Variable}: no {spec.Source.ToString().ToLowerInvariant()} '{spec.Expression}' in the response";
        if (spec.Source == CaptureSource.Jwt)
        {
            if (JwtPayload.Decode(value) is not { } claims)
                return $"capture {spec.Variable}: json '{spec.Expression}' is not a JWT ('{Excerpt.Of(value)}')";
            if (JsonPaths.Read(claims, spec.Claim!) is not { } claim)
                return $"capture {spec.Variable}: the JWT in '{spec.Expression}' has no claim '{spec.Claim}' (claims: {Excerpt.Of(claims)})";
            value = claim;
        }
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
}
