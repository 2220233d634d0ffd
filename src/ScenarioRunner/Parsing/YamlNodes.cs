using System.Globalization;
using ScenarioRunner.Model;
using YamlDotNet.RepresentationModel;

namespace ScenarioRunner.Parsing;

/// <summary>Typed reads of YAML nodes; every failure names the node's position in the file.</summary>
internal sealed class YamlNodes(string file)
{
    public ScenarioFormatException Error(YamlNode node, string problem) =>
        new(file, node.Start.Line, node.Start.Column, problem);

    public YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"expected {what} (a mapping of key: value), found {Describe(node)}");

    public YamlSequenceNode Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"expected {what} (a list), found {Describe(node)}");

    public string String(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Error(node, $"expected {what} (a text value), found {Describe(node)}");

    public int Int(YamlNode node, string what) =>
        int.TryParse(String(node, what), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value : throw Error(node, $"expected {what} (a whole number), found '{String(node, what)}'");

    public double Double(YamlNode node, string what) =>
        double.TryParse(String(node, what), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value : throw Error(node, $"expected {what} (a number), found '{String(node, what)}'");

    public bool Bool(YamlNode node, string what) => String(node, what).ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        var other => throw Error(node, $"expected {what} (true or false), found '{other}'"),
    };

    public TimeSpan Duration(YamlNode node, string what) =>
        Parsing.Duration.TryParse(String(node, what), out var value)
            ? value : throw Error(node, $"expected {what} (a duration such as 31m, 1h30m, 10s or 250ms), found '{String(node, what)}'");

    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode mapping, string what, params string[] allowed)
    {
        foreach (var (key, value) in mapping.Children)
        {
            var name = String(key, $"a key of {what}");
            if (allowed.Length > 0 && !allowed.Contains(name, StringComparer.Ordinal))
                throw Error(key, $"expected one of {string.Join(", ", allowed)} in {what}, found '{name}'" +
                                 (NearestKey.For(name, allowed) is { } meant ? $" (did you mean `{meant}`?)" : ""));
            yield return (name, key, value);
        }
    }

    public Dictionary<string, string> StringMap(YamlNode node, string what) =>
        Entries(Mapping(node, what), what).ToDictionary(e => e.Key, e => String(e.Value, $"the value of '{e.Key}' in {what}"), StringComparer.Ordinal);

    public List<KeyValuePair<string, string>> Pairs(YamlNode node, string what) =>
        [.. StringMap(node, what)];

    public AuthSpec Auth(YamlNode node)
    {
        var map = Mapping(node, "auth");
        string? user = null, password = null, bearer = null;
        foreach (var (key, _, value) in Entries(map, "auth", "user", "password", "bearer"))
        {
            if (key == "user") user = String(value, "auth.user");
            else if (key == "password") password = String(value, "auth.password");
            else bearer = String(value, "auth.bearer");
        }
        if (bearer is null && (user is null || password is null))
            throw Error(node, "expected auth to give either user and password (HTTP Basic) or bearer (a token)");
        return new AuthSpec(user, password, bearer);
    }

    public RetrySpec Retry(YamlNode node)
    {
        var spec = new RetrySpec();
        foreach (var (key, _, value) in Entries(Mapping(node, "retry"), "retry",
                     "total", "backoffFactor", "statusForcelist", "allowedMethods", "respectRetryAfterHeader", "raiseOnStatus"))
        {
            spec = key switch
            {
                "total" => spec with { Total = Int(value, "retry.total") },
                "backoffFactor" => spec with { BackoffFactor = Duration(value, "retry.backoffFactor") },
                "statusForcelist" => spec with { StatusForcelist = [.. Sequence(value, "retry.statusForcelist").Select(n => Int(n, "a status code"))] },
                "allowedMethods" => spec with { AllowedMethods = [.. Sequence(value, "retry.allowedMethods").Select(n => String(n, "an HTTP method"))] },
                "respectRetryAfterHeader" => spec with { RespectRetryAfterHeader = Bool(value, "retry.respectRetryAfterHeader") },
                _ => spec with { RaiseOnStatus = Bool(value, "retry.raiseOnStatus") },
            };
        }
        return spec;
    }

    /// <summary>
    /// Strings, lists and dictionaries, as YAML wrote them (scalars stay text; JSON comparison handles types); the
    /// plain word absent is <see cref="Checks.JsonAbsent"/>.
    /// </summary>
    public object? Tree(YamlNode node) => node switch
    {
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: Checks.JsonAbsent.Word } => Checks.JsonAbsent.Instance,
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode sequence => sequence.Children.Select(Tree).ToList(),
        YamlMappingNode mapping => Entries(mapping, "json").ToDictionary(e => e.Key, e => Tree(e.Value), StringComparer.Ordinal),
        _ => throw Error(node, "expected a scalar, list or mapping"),
    };

    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: var v } => string.IsNullOrEmpty(v) ? "nothing" : $"the text '{v}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };
}
