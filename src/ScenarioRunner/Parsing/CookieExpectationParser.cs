using ScenarioRunner.Model;
using YamlDotNet.RepresentationModel;

namespace ScenarioRunner.Parsing;

/// <summary>name: present | absent | {value, notValue, regex, domain, path, secure, httpOnly, sameSite, maxAge, session}.</summary>
internal static class CookieExpectationParser
{
    public static List<CookieExpectation> Parse(YamlNodes nodes, YamlNode node, string what) =>
        [.. nodes.Entries(nodes.Mapping(node, what), what).Select(e => One(nodes, e.Key, e.Value))];

    private static CookieExpectation One(YamlNodes nodes, string name, YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return nodes.String(node, $"cookie {name}") switch
            {
                "present" => new CookieExpectation { Name = name },
                "absent" => new CookieExpectation { Name = name, Present = false },
                var other => throw nodes.Error(node, $"expected cookie {name} to be present, absent or a mapping of attributes, found '{other}'"),
            };
        }
        var expectation = new CookieExpectation { Name = name };
        var what = $"cookie {name}";
        foreach (var (key, _, value) in nodes.Entries(nodes.Mapping(node, what), what,
                     "present", "value", "notValue", "regex", "domain", "path", "secure", "httpOnly", "sameSite", "maxAge", "session"))
        {
            expectation = key switch
            {
                "present" => expectation with { Present = nodes.Bool(value, $"{what}.present") },
                "value" => expectation with { Value = nodes.String(value, $"{what}.value") },
                "notValue" => expectation with { NotValue = nodes.String(value, $"{what}.notValue") },
                "regex" => expectation with { ValueRegex = nodes.String(value, $"{what}.regex") },
                "domain" => expectation with { Domain = nodes.String(value, $"{what}.domain") },
                "path" => expectation with { Path = nodes.String(value, $"{what}.path") },
                "secure" => expectation with { Secure = nodes.Bool(value, $"{what}.secure") },
                "httpOnly" => expectation with { HttpOnly = nodes.Bool(value, $"{what}.httpOnly") },
                "sameSite" => expectation with { SameSite = SameSite(nodes, value, what) },
                "maxAge" => expectation with { MaxAge = nodes.Duration(value, $"{what}.maxAge") },
                _ => expectation with { Session = nodes.Bool(value, $"{what}.session") },
            };
        }
        return expectation;
    }

    private static string SameSite(YamlNodes nodes, YamlNode node, string what)
    {
        var value = nodes.String(node, $"{what}.sameSite");
        return value is "Lax" or "Strict" or "None" or "Unspecified"
            ? value : throw nodes.Error(node, $"expected {what}.sameSite to be Lax, Strict, None or Unspecified, found '{value}'");
    }
}
