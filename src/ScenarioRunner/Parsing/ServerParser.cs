using ScenarioRunner.Model;
using YamlDotNet.RepresentationModel;

namespace ScenarioRunner.Parsing;

/// <summary><c>server:</c> users, sessionLifetime, idleTimeout, twoFactor, flaky {failureRate, seed}.</summary>
internal static class ServerParser
{
    public static ServerSettings Parse(YamlNodes nodes, YamlNode node)
    {
        var settings = new ServerSettings();
        foreach (var (key, _, value) in nodes.Entries(nodes.Mapping(node, "server"), "server",
                     "users", "sessionLifetime", "idleTimeout", "twoFactor", "flaky"))
        {
            settings = key switch
            {
                "users" => settings with { Users = nodes.StringMap(value, "server.users (name: password)") },
                "sessionLifetime" => settings with { SessionLifetime = nodes.Duration(value, "server.sessionLifetime") },
                "idleTimeout" => settings with { IdleTimeout = nodes.Duration(value, "server.idleTimeout") },
                "twoFactor" => settings with { TwoFactor = nodes.StringMap(value, "server.twoFactor (name: Base32 TOTP secret)") },
                _ => Flaky(nodes, value, settings),
            };
        }
        return settings;
    }

    private static ServerSettings Flaky(YamlNodes nodes, YamlNode node, ServerSettings settings)
    {
        foreach (var (key, _, value) in nodes.Entries(nodes.Mapping(node, "server.flaky"), "server.flaky", "failureRate", "seed"))
            settings = key == "seed"
                ? settings with { FlakySeed = nodes.Int(value, "server.flaky.seed") }
                : settings with { FlakyFailureRate = nodes.Double(value, "server.flaky.failureRate") };
        return settings;
    }
}
