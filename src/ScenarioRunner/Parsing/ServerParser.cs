using ScenarioRunner.Model;
using YamlDotNet.RepresentationModel;

namespace ScenarioRunner.Parsing;

/// <summary><c>server:</c> users, sessionLifetime, idleTimeout, twoFactor, flaky {failureRate, seed}, stubs, guards.</summary>
internal static class ServerParser
{
    public static ServerSettings Parse(YamlNodes nodes, YamlNode node)
    {
        var settings = new ServerSettings();
        foreach (var (key, _, value) in nodes.Entries(nodes.Mapping(node, "server"), "server",
                     "users", "sessionLifetime", "idleTimeout", "twoFactor", "flaky", "stubs", "guards"))
        {
            settings = key switch
            {
                "users" => settings with { Users = nodes.StringMap(value, "server.users (name: password)") },
                "sessionLifetime" => settings with { SessionLifetime = nodes.Duration(value, "server.sessionLifetime") },
                "idleTimeout" => settings with { IdleTimeout = nodes.Duration(value, "server.idleTimeout") },
                "twoFactor" => settings with { TwoFactor = nodes.StringMap(value, "server.twoFactor (name: Base32 TOTP secret)") },
                "stubs" => settings with { Stubs = nodes.String(value, "server.stubs (a folder of WireMock mapping files)") },
                "guards" => settings with { StubGuards = Guards(nodes, value) },
                _ => Flaky(nodes, value, settings),
            };
        }
        return settings;
    }

    private static readonly System.Text.RegularExpressions.Regex GuardRule =
        new("^(session|open|bearer|bearer:[!#-\\[\\]-~]+( [!#-\\[\\]-~]+)*)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>server.guards: path prefix → session, bearer, bearer:SCOPE or open (the server checks them again at start).</summary>
    private static Dictionary<string, string> Guards(YamlNodes nodes, YamlNode node)
    {
        var guards = nodes.StringMap(node, "server.guards (path prefix: session, bearer, bearer:SCOPE or open)");
        foreach (var (prefix, rule) in guards)
        {
            if (!prefix.StartsWith('/')) throw nodes.Error(node, $"expected server.guards' path prefixes to start with '/', found '{prefix}'");
            if (!GuardRule.IsMatch(rule))
                throw nodes.Error(node, $"expected server.guards.{prefix} to be session, bearer, bearer:SCOPE or open, found '{rule}'");
        }
        return guards;
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
