using ScenarioRunner.Model;
using YamlDotNet.RepresentationModel;

namespace ScenarioRunner.Parsing;

/// <summary><c>expect:</c> status, headers, json, jwt, body, cookies, setCookies, attempts.</summary>
internal static class ExpectParser
{
    public static ExpectSpec Parse(YamlNodes nodes, YamlNode node)
    {
        var spec = new ExpectSpec();
        foreach (var (key, _, value) in nodes.Entries(nodes.Mapping(node, "expect"), "expect",
                     "status", "headers", "json", "jwt", "body", "cookies", "setCookies", "attempts"))
        {
            spec = key switch
            {
                "status" => spec with { Status = nodes.Int(value, "expect.status") },
                "attempts" => spec with { Attempts = nodes.Int(value, "expect.attempts") },
                "json" => spec with { Json = new JsonSubset(nodes.Tree(value)) },
                "headers" => spec with { Headers = Headers(nodes, value) },
                "jwt" => spec with
                {
                    Jwt = [.. nodes.Entries(nodes.Mapping(value, "expect.jwt"), "expect.jwt")
                        .Select(e => new JwtExpectation(e.Key, new JsonSubset(nodes.Tree(nodes.Mapping(e.Value, $"expect.jwt.{e.Key} (the claims)")))))],
                },
                "body" => Body(nodes, value, spec),
                "cookies" => spec with { Cookies = CookieExpectationParser.Parse(nodes, value, "expect.cookies") },
                _ => spec with { SetCookies = CookieExpectationParser.Parse(nodes, value, "expect.setCookies") },
            };
        }
        return spec;
    }

    private static List<HeaderExpectation> Headers(YamlNodes nodes, YamlNode node) =>
    [
        .. nodes.Entries(nodes.Mapping(node, "expect.headers"), "expect.headers").Select(e =>
        {
            if (e.Value is YamlScalarNode) return new HeaderExpectation(e.Key, nodes.String(e.Value, $"header {e.Key}"), null, null);
            string? equals = null, contains = null;
            bool? present = null;
            foreach (var (key, _, value) in nodes.Entries(nodes.Mapping(e.Value, $"header {e.Key}"), $"header {e.Key}", "equals", "contains", "present"))
            {
                if (key == "equals") equals = nodes.String(value, "equals");
                else if (key == "contains") contains = nodes.String(value, "contains");
                else present = nodes.Bool(value, "present");
            }
            return new HeaderExpectation(e.Key, equals, contains, present);
        }),
    ];

    private static ExpectSpec Body(YamlNodes nodes, YamlNode node, ExpectSpec spec)
    {
        if (node is YamlScalarNode) return spec with { BodyContains = nodes.String(node, "expect.body") };
        foreach (var (key, _, value) in nodes.Entries(nodes.Mapping(node, "expect.body"), "expect.body", "contains", "regex"))
            spec = key == "contains"
                ? spec with { BodyContains = nodes.String(value, "expect.body.contains") }
                : spec with { BodyRegex = nodes.String(value, "expect.body.regex") };
        return spec;
    }
}
