using ScenarioRunner.Model;
using YamlDotNet.RepresentationModel;

namespace ScenarioRunner.Parsing;

/// <summary>
/// <c>capture:</c> variable: {json: a.b.0 | header: Name | cookie: name | regex: pattern | jwt: path, claim: name}; a
/// regex beside json, header, cookie or jwt applies to that value instead of the body.
/// </summary>
internal static class CaptureParser
{
    private const string Sources = "one of json, header, cookie, regex, jwt (with claim)";

    public static List<CaptureSpec> Parse(YamlNodes nodes, YamlNode node) =>
        [.. nodes.Entries(nodes.Mapping(node, "capture"), "capture").Select(e => One(nodes, e.Key, e.Value))];

    private static CaptureSpec One(YamlNodes nodes, string variable, YamlNode node)
    {
        var what = $"capture {variable}";
        var map = nodes.Mapping(node, $"{what} ({Sources})");
        var entries = nodes.Entries(map, what, "json", "header", "cookie", "regex", "jwt", "claim")
            .ToDictionary(e => e.Key, e => nodes.String(e.Value, $"{what}.{e.Key}"), StringComparer.Ordinal);
        entries.Remove("claim", out var claim);
        if (entries.ContainsKey("jwt") != (claim is not null))
            throw nodes.Error(map, $"expected {what} to name the token and its claim together: {{ jwt: access_token, claim: sub }}");
        var pattern = entries.Count == 2 && entries.Remove("regex", out var p) ? p : null;
        if (entries.Count != 1) throw nodes.Error(map, $"expected {what} to have exactly {Sources} (a regex may go beside the others)");
        var (source, expression) = entries.Single();
        return new CaptureSpec(variable, Enum.Parse<CaptureSource>(source, ignoreCase: true), expression, pattern) { Claim = claim };
    }
}
