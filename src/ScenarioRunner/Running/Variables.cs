using System.Text.RegularExpressions;

namespace ScenarioRunner.Running;

/// <summary>Values captured by earlier steps, substituted for <c>{{name}}</c> in later ones.</summary>
public sealed partial class Variables
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();

    public IReadOnlyDictionary<string, string> Values => _values;

    public void Set(string name, string value) => _values[name] = value;

    /// <summary>Throws <see cref="StepFailure"/> for a name no step captured.</summary>
    public string Expand(string text) => Placeholder().Replace(text, m =>
        _values.TryGetValue(m.Groups[1].Value, out var value)
            ? value : throw new StepFailure($"variable '{m.Groups[1].Value}' was never captured by an earlier step"));

    public string? ExpandOrNull(string? text) => text is null ? null : Expand(text);
}
