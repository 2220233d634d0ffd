namespace ScenarioRunner.Cli;

/// <summary>What one run of the command line was asked to do, once its arguments have parsed.</summary>
public sealed record CommandLineRequest(IReadOnlyList<string> Paths, Uri? Target, bool Explain, string? JUnitReport)
{
    /// <summary>--show-secrets: passwords, tokens and secrets appear as sent instead of •••.</summary>
    public bool ShowSecrets { get; init; }

    /// <summary>--report-html: where the HTML report with a sequence diagram per scenario goes.</summary>
    public string? HtmlReport { get; init; }

    /// <summary>--parallel: how many in-process scenarios run at once; with a target or narration, one.</summary>
    public int Parallel { get; init; } = 1;
}
