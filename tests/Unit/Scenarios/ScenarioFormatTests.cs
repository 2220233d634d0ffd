using System.Text.Json;
using System.Text.RegularExpressions;
using ScenarioRunner.Checks;
using ScenarioRunner.Parsing;
using ScenarioRunner.Running;
using SessionClient;

namespace SessionKit.Tests.Unit.Scenarios;

/// <summary>Where new users of the format stumbled (issue 18.5): a JSON property that must be absent, the expectError names.</summary>
public class ScenarioFormatTests
{
    private static string? JsonFailure(string expectJson, string body)
    {
        var scenario = ScenarioParser.Parse($$"""
            name: x
            steps:
              - request: { url: /get }
                expect: { json: {{expectJson}} }
            """, "s.yaml");
        var outcome = new StepOutcome(null, body, new CookieJar(), 1, DateTimeOffset.UnixEpoch, null);
        return ExpectationChecks.From(scenario.Steps[0].Expect!, new Variables()).Select(c => c.Verify(outcome)).OfType<string>().FirstOrDefault();
    }

    [Test]
    public void An_absent_property_passes_when_it_is_not_there() =>
        JsonFailure("{ cookies: { second: \"2\", first: absent } }", """{"cookies":{"second":"2"}}""").ShouldBeNull();

    [Test]
    public void An_absent_property_fails_when_it_is_there_showing_its_value() =>
        JsonFailure("{ cookies: { first: absent } }", """{"cookies":{"first":"1"}}""")
            .ShouldBe("""json $.cookies.first: expected absent, actual "1" """.TrimEnd());

    [Test]
    public void A_quoted_absent_is_the_text() =>
        JsonFailure("{ word: \"absent\" }", """{"word":"absent"}""").ShouldBeNull();

    [Test]
    public void Absent_in_a_list_is_explained() =>
        JsonFailure("{ items: [absent] }", """{"items":[1]}""").ShouldNotBeNull().ShouldContain("'absent' only makes sense as the value of a property");

    [Test]
    public void An_unknown_expect_error_is_refused_with_a_suggestion() =>
        Should.Throw<ScenarioFormatException>(() => ScenarioParser.Parse("""
            name: x
            steps:
              - request: { url: /flaky }
                expectError: RetriesExhausted
            """, "s.yaml")).Message.ShouldBe(
            "s.yaml:4:18: expected expectError to be one of RetryExhausted, TooManyRedirects, InsecureRedirect, ResponseTooLarge, " +
            "LoginFailed, Timeout, HttpRequest, InvalidOperation, TaskCanceled, found 'RetriesExhausted' (did you mean `RetryExhausted`?)");

    [Test]
    public void The_schema_enum_the_readme_table_and_the_parser_agree_on_the_expect_error_names()
    {
        var root = Repository();
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "scenarios", "scenario.schema.json")));
        var fromSchema = FindProperty(schema.RootElement, "expectError")!.Value.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList();
        var readme = File.ReadAllText(Path.Combine(root, "scenarios", "README.md"));
        var fromReadme = Regex.Matches(readme, @"^\| `(\w+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        fromReadme.ShouldBe(fromSchema);
        foreach (var name in fromSchema)
            ScenarioParser.Parse($"name: x\nsteps:\n  - request: {{ url: /get }}\n    expectError: {name}\n", "s.yaml").Steps[0].ExpectError.ShouldBe(name);
    }

    private static JsonElement? FindProperty(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Object)
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == name && property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("enum", out _))
                    return property.Value;
                if (FindProperty(property.Value, name) is { } found) return found;
            }
        else if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray())
                if (FindProperty(item, name) is { } found) return found;
        return null;
    }

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SessionKit.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("No SessionKit.slnx above " + AppContext.BaseDirectory);
    }
}
