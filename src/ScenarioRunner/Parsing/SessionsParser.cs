using ScenarioRunner.Model;
using YamlDotNet.RepresentationModel;

namespace ScenarioRunner.Parsing;

/// <summary><c>sessions:</c> a list of names, or a mapping of name → {headers, params, auth, retry, relogin}.</summary>
internal static class SessionsParser
{
    public static Dictionary<string, SessionSettings> Parse(YamlNodes nodes, YamlNode node)
    {
        if (node is YamlSequenceNode list)
            return list.Children.ToDictionary(n => nodes.String(n, "a session name"), _ => new SessionSettings(), StringComparer.Ordinal);

        var sessions = new Dictionary<string, SessionSettings>(StringComparer.Ordinal);
        foreach (var (name, _, value) in nodes.Entries(nodes.Mapping(node, "sessions (a list of names or a mapping of name: settings)"), "sessions"))
            sessions[name] = value is YamlScalarNode { Value: null or "" } ? new SessionSettings() : ParseOne(nodes, value, name);
        return sessions;
    }

    private static SessionSettings ParseOne(YamlNodes nodes, YamlNode node, string name)
    {
        var settings = new SessionSettings();
        var what = $"session '{name}'";
        foreach (var (key, _, value) in nodes.Entries(nodes.Mapping(node, what), what, "headers", "params", "auth", "retry", "relogin"))
        {
            settings = key switch
            {
                "headers" => settings with { Headers = nodes.StringMap(value, $"{what}.headers") },
                "params" => settings with { Params = nodes.Pairs(value, $"{what}.params") },
                "auth" => settings with { Auth = nodes.Auth(value) },
                "relogin" => settings with { Relogin = ReloginParser.Parse(nodes, value, $"{what}.relogin") },
                _ => settings with { Retry = nodes.Retry(value) },
            };
        }
        return settings;
    }
}
