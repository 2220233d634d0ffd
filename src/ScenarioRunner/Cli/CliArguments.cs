namespace ScenarioRunner.Cli;

/// <summary>Plain argument parsing: the surface is four options, not worth a parser library.</summary>
public sealed record CliArguments(IReadOnlyList<string> Paths, Uri? Target, bool Explain, string? JUnitReport)
{
    public const string Usage =
        "usage: ScenarioRunner [PATH…] [--target http://127.0.0.1:8000] [--explain] [--report-junit FILE]\n" +
        "  PATH: scenario files or folders of *.yaml (default: scenarios/)";

    public static bool TryParse(IReadOnlyList<string> args, out CliArguments parsed, out string problem)
    {
        var paths = new List<string>();
        Uri? target = null;
        var explain = false;
        string? junit = null;
        problem = "";
        parsed = new CliArguments(paths, null, false, null);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--explain": explain = true; break;
                case "--target" when i + 1 < args.Count:
                    if (!Uri.TryCreate(args[++i], UriKind.Absolute, out target) || target.Scheme is not ("http" or "https"))
                    {
                        problem = $"--target: expected an http(s) URL, found '{args[i]}'";
                        return false;
                    }
                    break;
                case "--report-junit" when i + 1 < args.Count: junit = args[++i]; break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    problem = $"unknown option or missing value: {option}";
                    return false;
                default: paths.Add(args[i]); break;
            }
        }
        if (paths.Count == 0) paths.Add("scenarios");
        parsed = new CliArguments(paths, target, explain, junit);
        return true;
    }
}
