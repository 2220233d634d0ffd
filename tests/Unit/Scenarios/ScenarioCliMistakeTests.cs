using ScenarioRunner.Cli;
using ScenarioRunner.Parsing;

namespace SessionKit.Tests.Unit.Scenarios;

/// <summary>
/// What a new user's mistakes produce (issue 18.6): a mistyped path, a mistyped key, a YAML syntax error in the
/// middle of a file. Each names the place to fix.
/// </summary>
public class ScenarioCliMistakeTests
{
    private static string ErrorOf(string yaml) => Should.Throw<ScenarioFormatException>(() => ScenarioParser.Parse(yaml, "s.yaml")).Message;

    [Test]
    public async Task A_missing_path_says_no_such_file_or_directory_and_exits_2()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-scenarios-" + Guid.NewGuid().ToString("N"), "11-expiry.yaml");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await ScenarioCli.RunAsync([missing], output, errors, CancellationToken.None);

        exit.ShouldBe(ScenarioCli.BadArguments);
        errors.ToString().Trim().ShouldBe($"{missing}: no such file or directory");
        output.ToString().ShouldBeEmpty();
    }

    [Test]
    public async Task A_folder_without_scenarios_still_says_so()
    {
        var empty = Directory.CreateTempSubdirectory("no-scenarios-").FullName;
        try
        {
            using var errors = new StringWriter();
            var exit = await ScenarioCli.RunAsync([empty], TextWriter.Null, errors, CancellationToken.None);

            exit.ShouldBe(ScenarioCli.BadArguments);
            errors.ToString().ShouldStartWith($"no scenario files (*.yaml) in {empty}");
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [TestCase("expct", "expect")]
    [TestCase("Expect", "expect")]
    [TestCase("exepct", "expect")]
    [TestCase("captures", "capture")]
    [TestCase("expectErorr", "expectError")]
    public void An_unknown_step_key_suggests_the_nearest_valid_one(string typo, string meant) =>
        ErrorOf($"""
            name: x
            steps:
              - request: {"{"} url: /get {"}"}
                {typo}: {"{"} status: 200 {"}"}
            """).ShouldEndWith($"found '{typo}' (did you mean `{meant}`?)");

    [Test]
    public void A_key_deeper_down_gets_its_own_suggestion() =>
        ErrorOf("""
            name: x
            steps:
              - request: { url: /get, folowRedirects: false }
            """).ShouldBe("s.yaml:3:27: expected one of method, url, headers, params, form, json, cookies, auth, followRedirects, session, " +
                          "oneOff, retry in request, found 'folowRedirects' (did you mean `followRedirects`?)");

    [Test]
    public void A_key_like_none_gets_no_guess() =>
        ErrorOf("""
            name: x
            steps:
              - request: { url: /get }
                whatever: 1
            """).ShouldNotContain("did you mean");

    [Test]
    public void An_unclosed_flow_mapping_in_the_middle_points_at_its_brace()
    {
        var error = ErrorOf("""
            name: x
            steps:
              - request: { url: /get
                expect: { status: 200 }
              - request: { url: /cookies }
              - advance: 1m
            """);

        error.ShouldStartWith("s.yaml:3:14: not valid YAML: this { is never closed");
    }

    [Test]
    public void An_unclosed_quote_points_at_the_quote()
    {
        var error = ErrorOf("""
            name: "x
            steps:
              - request: { url: /get }
              - advance: 1m
            """);

        error.ShouldStartWith("s.yaml:1:7: not valid YAML:", Case.Sensitive, "YamlDotNet stops at the quote itself here");
    }

    [Test]
    public void Brackets_and_quotes_inside_plain_values_are_not_taken_for_openers()
    {
        var error = ErrorOf("""
            name: don't look at a[0]
            description: it's fine
            steps:
              - request: { url: /get }
               expect: { status: 200 }
            """);

        error.ShouldNotContain("never closed");
        error.ShouldStartWith("s.yaml:5:");
    }
}
