namespace ScenarioRunner.Cli;

/// <summary>Plain argument parsing: the surface is five options, not worth a parser library.</summary>
public sealed record CliArguments(IReadOnlyList<string> Paths, Uri? Target, bool Explain, string? JUnitReport, bool Help = false)
{
    public const string Usage =
        "usage: ScenarioRunner [PATH…] [--target http://127.0.0.1:8000] [--explain] [--report-junit FILE] [--help]\n" +
        "  PATH            scenario files or folders of *.yaml (default: scenarios/)\n" +
        "  --target URL    run against a server already listening (start it with --admin; add an https URL to --urls\n" +
        "                  for the https scenarios) instead of an in-process one\n" +
        "  --explain       narrate every step: the request as sent, the response, the cookie jar after it\n" +
        "  --report-junit  write a JUnit XML report to FILE\n" +
        "exit code: 0 all passed or skipped, 1 a scenario failed, 2 bad arguments";

    public static bool TryParse(IReadOnlyList<string> args, out CliArguments parsed, out string problem)
    {
        var paths = new List<string>();
        Uri? target = null;
        var explain = false;
        var help = false;
        string? junit = null;
        problem = "";
        parsed = new CliArguments(paths, null, false, null);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--explain": explain = true; break;
                case "--help" or "-h" or "-?": help = true; break;
                case "--target" when i + 1 < args.Count:
                    if (!Uri.TryCreate(args[++i], UriKind.Absolute, out target) || target.Scheme is not ("http" or "https"))
                    {
                        problem = $"--target: expected an http(s) URL, found '{args[i]}'";
                        return false;
                    }
                    break;
                case "--report-junit" when i + 1 < args.Count: junit = args[++i]; break;
                case "--target" or "--report-junit":
                    problem = $"{args[i]}: expected a value after it";
                    return false;
                case var option when option.StartsWith('-'):
                    problem = $"unknown option: {option}";
                    return false;
                default: paths.Add(args[i]); break;
            }
        }
        if (paths.Count == 0) paths.Add("scenarios");
        parsed = new CliArguments(paths, target, explain, junit, help);
        return true;
    }
}
