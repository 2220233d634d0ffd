using ScenarioRunner.Model;
using YamlDotNet.RepresentationModel;

namespace ScenarioRunner.Parsing;

/// <summary>One entry of <c>steps:</c>: exactly one action, plus expect / capture / expectError for a request.</summary>
internal static class StepParser
{
    private static readonly string[] Actions = ["request", "advance", "resetFlaky", "saveCookies", "loadCookies"];

    public static Step Parse(YamlNodes nodes, YamlNode node, int index)
    {
        var map = nodes.Mapping(node, $"step {index}");
        var step = new Step { Index = index, Line = (int)node.Start.Line, Column = (int)node.Start.Column };
        var actions = 0;
        foreach (var (key, _, value) in nodes.Entries(map, $"step {index}",
                     "name", "request", "advance", "resetFlaky", "saveCookies", "loadCookies", "expect", "capture", "expectError"))
        {
            if (Actions.Contains(key)) actions++;
            step = key switch
            {
                "name" => step with { Name = nodes.String(value, "the step's name") },
                "request" => step with { Request = RequestParser.Parse(nodes, value) },
                "advance" => step with { Advance = nodes.Duration(value, "advance") },
                "resetFlaky" => step with { ResetFlaky = ResetFlakyValue(nodes, value) },
                "saveCookies" => step with { SaveCookies = CookieFile(nodes, value, "saveCookies") },
                "loadCookies" => step with { LoadCookies = CookieFile(nodes, value, "loadCookies") },
                "expect" => step with { Expect = ExpectParser.Parse(nodes, value) },
                "capture" => step with { Captures = CaptureParser.Parse(nodes, value) },
                _ => step with { ExpectError = ErrorName(nodes, value) },
            };
        }
        if (actions != 1)
            throw nodes.Error(node, $"expected step {index} to have exactly one of {string.Join(", ", Actions)}, found {actions}");
        if (step.Request is null && (step.Expect is not null || step.Captures.Count > 0 || step.ExpectError is not null))
            throw nodes.Error(node, $"expected expect, capture and expectError only on a request step (step {index})");
        return step;
    }

    /// <summary>Only <c>true</c>: a <c>false</c> would be a step that does nothing, most likely a mistake.</summary>
    private static bool ResetFlakyValue(YamlNodes nodes, YamlNode value) =>
        value is YamlScalarNode { Value: "true" } ? true : throw nodes.Error(value, "expected resetFlaky: true");

    private static CookieFileSpec CookieFile(YamlNodes nodes, YamlNode node, string what)
    {
        if (node is YamlScalarNode) return new CookieFileSpec(nodes.String(node, $"{what} (a file name)"), "netscape", SessionSettings.DefaultName);
        string? file = null;
        var format = "netscape";
        var session = SessionSettings.DefaultName;
        foreach (var (key, _, value) in nodes.Entries(nodes.Mapping(node, what), what, "file", "format", "session"))
        {
            if (key == "file") file = nodes.String(value, $"{what}.file");
            else if (key == "session") session = nodes.String(value, $"{what}.session");
            else
            {
                format = nodes.String(value, $"{what}.format");
                if (format is not ("netscape" or "json")) throw nodes.Error(value, $"expected {what}.format to be netscape or json, found '{format}'");
            }
        }
        return new CookieFileSpec(file ?? throw nodes.Error(node, $"expected {what}.file"), format, session);
    }

    /// <summary>An expectError that no request can fail with would only ever fail; say so while reading the file.</summary>
    private static string ErrorName(YamlNodes nodes, YamlNode value)
    {
        var name = nodes.String(value, "expectError (e.g. RetryExhausted, TooManyRedirects)");
        if (Running.ErrorNames.Known.Contains(name)) return name;
        throw nodes.Error(value, $"expected expectError to be one of {string.Join(", ", Running.ErrorNames.Known)}, found '{name}'" +
                                 (NearestKey.For(name, [.. Running.ErrorNames.Known]) is { } meant ? $" (did you mean `{meant}`?)" : ""));
    }
}
