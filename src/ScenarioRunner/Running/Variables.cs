using System.Text.RegularExpressions;

namespace ScenarioRunner.Running;

/// <summary>
/// Values captured by earlier steps, substituted for <c>{{name}}</c> in later ones; <c>{{function:argument}}</c>
/// calls one of the <see cref="TemplateFunctions"/> instead.
/// </summary>
public sealed partial class Variables(TimeProvider? clock = null)
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)(?::([^\s{}]+))?\s*\}\}")]
    private static partial Regex Placeholder();

    /// <summary>
    /// Variables on the target's clock, preset with <c>{{target}}</c> (its origin, e.g. http://localhost) and
    /// <c>{{target_host}}</c>, so a scenario that names its server runs in-process and on --target alike.
    /// </summary>
    public static Variables For(ITarget target)
    {
        var variables = new Variables(target.Clock);
        variables.Set("target", target.BaseAddress.GetLeftPart(UriPartial.Authority));
        variables.Set("target_host", target.BaseAddress.Host);
        return variables;
    }

    public IReadOnlyDictionary<string, string> Values => _values;

    public void Set(string name, string value) => _values[name] = value;

    /// <summary>Throws <see cref="StepFailure"/> for a name no step captured, or a function that does not exist or fails.</summary>
    public string Expand(string text) => Placeholder().Replace(text, m =>
    {
        var name = m.Groups[1].Value;
        if (m.Groups[2].Success) return TemplateFunctions.Call(name, m.Groups[2].Value, _clock);
        return _values.TryGetValue(name, out var value)
            ? value : throw new StepFailure($"variable '{name}' was never captured by an earlier step");
    });

    public string? ExpandOrNull(string? text) => text is null ? null : Expand(text);
}
