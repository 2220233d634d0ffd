using System.Text.Json;
using ScenarioRunner.Running;

namespace ScenarioRunner.Checks;

/// <summary>
/// The response JSON contains the expected tree: mappings are subsets (an empty mapping means an empty object),
/// lists match item by item and in length, scalars compare as text; a property whose value is the plain word
/// <c>absent</c> must not be there.
/// </summary>
public sealed class JsonSubsetCheck(object? expected, Variables variables) : ICheck
{
    public string? Verify(StepOutcome outcome) => Verify(outcome.Body);

    /// <summary>The same comparison on any JSON text (a JWT's claims, say); null when it matches, else why not.</summary>
    internal string? Verify(string json)
    {
        JsonElement actual;
        try
        {
            actual = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException)
        {
            return $"json: expected a JSON body, actual '{Excerpt.Of(json)}'";
        }
        return Compare(expected, actual, "$");
    }

    private string? Compare(object? expected, JsonElement actual, string path) => expected switch
    {
        null => actual.ValueKind == JsonValueKind.Null ? null : Mismatch(path, "null", actual),
        Dictionary<string, object?> map when actual.ValueKind != JsonValueKind.Object => Mismatch(path, "an object", actual),
        Dictionary<string, object?> { Count: 0 } => actual.EnumerateObject().Any() ? Mismatch(path, "an empty object", actual) : null,
        Dictionary<string, object?> map => map.Select(e => actual.TryGetProperty(e.Key, out var child)
            ? e.Value is JsonAbsent ? $"json {path}.{e.Key}: expected absent, actual {Short(child)}" : Compare(e.Value, child, $"{path}.{e.Key}")
            : e.Value is JsonAbsent ? null
            : $"json {path}.{e.Key}: expected present, actual absent (object: {Short(actual)})").FirstOrDefault(f => f is not null),
        List<object?> list when actual.ValueKind != JsonValueKind.Array || actual.GetArrayLength() != list.Count =>
            Mismatch(path, $"a list of {list.Count}", actual),
        List<object?> list => list.Select((item, i) => Compare(item, actual[i], $"{path}[{i}]")).FirstOrDefault(f => f is not null),
        string text => Scalar(actual) == variables.Expand(text) ? null : Mismatch(path, $"'{variables.Expand(text)}'", actual),
        JsonAbsent => $"json {path}: 'absent' only makes sense as the value of a property, e.g. {{ cookies: {{ first: absent }} }}",
        _ => $"json {path}: cannot compare {expected}",
    };

    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static string Mismatch(string path, string expected, JsonElement actual) =>
        $"json {path}: expected {expected}, actual {Short(actual)}";

    private static string Short(JsonElement element) => Excerpt.Of(element.GetRawText());
}
