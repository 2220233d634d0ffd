using System.CommandLine;
using System.CommandLine.Parsing;

namespace ScenarioRunner.Cli;

/// <summary>The command-line surface: its arguments and options, their help text and the checks on their values.</summary>
internal sealed class ScenarioCommand
{
    private const string Description =
        "Runs YAML HTTP scenarios against an in-process fake auth server, or a running one with --target, and prints a " +
        "summary table (progress lines go to stderr).\n" +
        "Exit code: 0 all passed or skipped, 1 a scenario failed, 2 bad arguments.";

    private readonly Argument<string[]> _paths = new("PATH")
    {
        Description = "Scenario files, or folders of *.yaml",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => ["scenarios"],
    };

    private readonly Option<Uri?> _target = new("--target")
    {
        HelpName = "URL",
        Description = "Run against a server already listening (start it with --admin; add an https URL to --urls for " +
                      "the https scenarios) instead of an in-process one",
        CustomParser = ParseTarget,
    };

    private readonly Option<bool> _explain = new("--explain")
    {
        Description = "Narrate every step: each attempt and redirect hop as sent and answered, retry waits, captures, the cookie jar after it",
    };

    private readonly Option<string?> _junitReport = new("--report-junit")
    {
        HelpName = "FILE",
        Description = "Write a JUnit XML report to FILE",
    };

    private readonly Option<bool> _showSecrets = new("--show-secrets")
    {
        Description = "Show passwords, tokens and secrets in the narration and reports instead of •••",
    };

    private readonly Option<string?> _htmlReport = new("--report-html")
    {
        HelpName = "FILE",
        Description = "Write one self-contained HTML file to FILE: a sequence diagram per scenario and its steps",
    };

    private readonly Option<int> _parallel = new("--parallel")
    {
        HelpName = "N",
        Description = "How many scenarios run at once, each against its own in-process server (default: one per " +
                      "processor; 1 runs them in turn). With --target or --explain they always run in turn",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        CustomParser = ParseParallel,
    };

    /// <param name="commandName">What the usage line calls the command (<see cref="InvokedAs"/>).</param>
    public ScenarioCommand(string commandName)
    {
        Root = new RootCommand(Description) { _paths, _target, _explain, _parallel, _showSecrets, _junitReport, _htmlReport, Version };
        Root.HelpName = commandName;
        // The built-in --version prints the entry assembly's version (testhost's, in tests); ours is the package's.
        Root.Options.Remove(Root.Options.OfType<VersionOption>().Single());
        _paths.Validators.Add(RejectUnknownOptions);
    }

    public RootCommand Root { get; }

    /// <summary>--version: the version of SessionKit.ScenarioRunner, which the sessionkit tool shares.</summary>
    public Option<bool> Version { get; } = new("--version") { Description = "Show the version and exit" };

    public static string PackageVersion =>
        typeof(ScenarioCommand).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public CommandLineRequest Read(ParseResult parsed) =>
        new(parsed.GetRequiredValue(_paths), parsed.GetValue(_target), parsed.GetValue(_explain), parsed.GetValue(_junitReport))
        {
            ShowSecrets = parsed.GetValue(_showSecrets),
            HtmlReport = parsed.GetValue(_htmlReport),
            Parallel = parsed.GetValue(_parallel),
        };

    private static int ParseParallel(ArgumentResult result)
    {
        if (result.Tokens.Count == 0) return Environment.ProcessorCount;
        var text = result.Tokens.Single().Value;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1) return n;
        result.AddError($"Option '--parallel' expects a whole number of at least 1, not '{text}'.");
        return 1;
    }

    private static Uri? ParseTarget(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https") return url;
        result.AddError($"Option '--target' expects an absolute http or https URL such as http://127.0.0.1:8000, not '{text}'.");
        return null;
    }

    /// <summary>System.CommandLine hands a token it does not know, such as <c>--colour</c>, to PATH; say what it is instead.</summary>
    private static void RejectUnknownOptions(ArgumentResult result)
    {
        foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value.StartsWith('-')))
            result.AddError($"Unknown option '{token.Value}' (a path that starts with '-' can be written ./{token.Value}).");
    }
}
