using ScenarioRunner.Model;
using YamlDotNet.RepresentationModel;

namespace ScenarioRunner.Parsing;

/// <summary><c>server:</c> users, sessionLifetime, flaky {failureRate, seed}.</summary>
internal static class ServerParser
{
    public static ServerSettings Parse(YamlNodes nodes, YamlNode node)
    {
        var settings = new ServerSettings();
        foreach (var (key, _, value) in nodes.Entries(nodes.Mapping(node, "server"), "server", "users", "sessionLifetime", "flaky"))
        {
            if (key == "users") settings = settings with { Users = nodes.StringMap(value, "server.users (name: password)") };
            else if (key == "sessionLifetime") settings = settings with { SessionLifetime = nodes.Duration(value, "server.sessionLifetime") };
            else
                foreach (var (flakyKey, _, flakyValue) in nodes.Entries(nodes.Mapping(value, "server.flaky"), "server.flaky", "failureRate", "seed"))
                    settings = flakyKey == "seed"
                        ? settings with { FlakySeed = nodes.Int(flakyValue, "server.flaky.seed") }
                        : settings with { FlakyFailureRate = nodes.Double(flakyValue, "server.flaky.failureRate") };
        }
        return settings;
    }
}
