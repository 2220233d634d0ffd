using System.Text.Json;
using WireMock.Handlers;
using WireMock.Server;

namespace FakeAuthServer.Stubs;

/// <summary>
/// A folder of WireMock static mapping files (*.json, subfolders included), each loaded by WireMock's own reader.
/// WireMock's <c>ReadStaticMappings</c> logs a bad file and skips it; here a bad file stops the start, named.
/// </summary>
internal static class StubMappingFiles
{
    public static void Load(WireMockServer server, IFileSystemHandler files, string folder)
    {
        if (!files.FolderExists(folder))
            throw new StubMappingException($"The stub mappings folder '{folder}' does not exist.");

        var mappings = files.EnumerateFiles(folder, true)
            .Where(file => file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in mappings)
        {
            if (Shape(files.ReadMappingFile(file)) is { } problem)
                throw new StubMappingException($"Stub mapping file '{file}' is not a WireMock mapping: {problem}");
            try
            {
                if (!server.ReadStaticMappingAndAddOrUpdate(file))
                    throw new StubMappingException($"Stub mapping file '{file}' could not be read.");
            }
            catch (Exception e) when (e is not StubMappingException)
            {
                throw new StubMappingException($"Stub mapping file '{file}' is not a WireMock mapping: {e.Message}", e);
            }
        }
    }

    /// <summary>
    /// What WireMock would pass over silently or answer with a null reference: not JSON, not a mapping object (or an
    /// array of them), a mapping without Request or Response. Null when the shape is right; WireMock checks the rest.
    /// </summary>
    private static string? Shape(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return $"it is not valid JSON ({e.Message})";
        }
        using (document)
        {
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            if (items.Count == 0) return "it holds no mapping";
            for (var i = 0; i < items.Count; i++)
            {
                var where = items.Count == 1 ? "the mapping" : $"mapping {i + 1}";
                if (items[i].ValueKind != JsonValueKind.Object) return $"{where} is not a JSON object";
                foreach (var part in (string[])["Request", "Response"])
                    if (!Has(items[i], part)) return $"{where} has no \"{part}\"";
            }
            return null;
        }
    }

    private static bool Has(JsonElement mapping, string name) =>
        mapping.EnumerateObject().Any(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Object);
}
