using ScenarioRunner.Model;
using YamlDotNet.RepresentationModel;

namespace ScenarioRunner.Parsing;

/// <summary>
/// <c>capture:</c> variable: {json: a.b.0 | header: Name | cookie: name | regex: pattern}; a regex beside json,
/// header or cookie applies to that value instead of the body.
/// </summary>
internal static class CaptureParser
{
    private const string Sources = "one of json, header, cookie, regex";

    public static List<CaptureSpec> Parse(YamlNodes nodes, YamlNode node) =>
        [.. nodes.Entries(nodes.Mapping(node, "capture"), "capture").Select(e => One(nodes, e.Key, e.Value))];

    private static CaptureSpec One(YamlNodes nodes, string variable, YamlNode node)
    {
        var what = $"capture {variable}";
        var map = nodes.Mapping(node, $"{what} ({Sources})");
        var entries = nodes.Entries(map, what, "json", "header", "cookie", "regex")
            .ToDictionary(e => e.Key, e => nodes.String(e.Value, $"{what}.{e.Key}"), StringComparer.Ordinal);
        var pattern = entries.Count == 2 && entries.Remove("regex", out var p) ? p : null;
        if (entries.Count != 1) throw nodes.Error(map, $"expected {what} to have exactly {Sources} (a regex may go beside the others)");
        var (source, expression) = entries.Single();
        return new CaptureSpec(variable, Enum.Parse<CaptureSource>(source, ignoreCase: true), expression, pattern);
    }
}
