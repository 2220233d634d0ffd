using ScenarioRunner.Model;
using YamlDotNet.RepresentationModel;

namespace ScenarioRunner.Parsing;

/// <summary><c>capture:</c> variable: {json: a.b.0 | header: Name | cookie: name | regex: pattern}.</summary>
internal static class CaptureParser
{
    public static List<CaptureSpec> Parse(YamlNodes nodes, YamlNode node) =>
    [
        .. nodes.Entries(nodes.Mapping(node, "capture"), "capture").Select(e =>
        {
            var what = $"capture {e.Key}";
            var map = nodes.Mapping(e.Value, $"{what} (one of json, header, cookie, regex)");
            var entries = nodes.Entries(map, what, "json", "header", "cookie", "regex").ToList();
            if (entries.Count != 1) throw nodes.Error(map, $"expected {what} to have exactly one of json, header, cookie, regex");
            var (source, _, value) = entries[0];
            return new CaptureSpec(e.Key, Enum.Parse<CaptureSource>(source, ignoreCase: true), nodes.String(value, $"{what}.{source}"));
        }),
    ];
}
