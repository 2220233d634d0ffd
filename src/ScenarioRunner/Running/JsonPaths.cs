using System.Text.Json;

namespace ScenarioRunner.Running;

/// <summary>The dotted paths captures and expectations use: "cookies.user_id", "items.0.name".</summary>
internal static class JsonPaths
{
    /// <summary>The value at <paramref name="path"/> (a string as itself, anything else as JSON); null when absent or not JSON.</summary>
    public static string? Read(string json, string path)
    {
        try
        {
            var element = JsonDocument.Parse(json).RootElement;
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
