using System.Net;
using ScenarioRunner.Model;
using ScenarioRunner.Parsing;
using ScenarioRunner.Running;

namespace ScenarioRunner.Cli;

/// <summary>
/// A --target whose admin API is off cannot be reset between scenarios, add users, move its clock or reset /flaky.
/// Each scenario would find that out on its own, one confusing failure at a time; this says it once, before the run,
/// naming what will be skipped, what will fail and what may see earlier runs' state.
/// </summary>
internal static class AdminOffWarning
{
    public static async Task WriteIfOffAsync(Uri target, IReadOnlyList<string> files, TextWriter errors, CancellationToken cancellationToken)
    {
        using var admin = new AdminClient(target);
        try
        {
            if (await admin.GetStatusAsync("/_admin/info", cancellationToken) != HttpStatusCode.NotFound) return;
        }
        catch (HttpRequestException)
        {
            return; // an unreachable target: every scenario says so with the reason
        }
        await errors.WriteAsync(Text(target, files.Select(Read).OfType<Scenario>()));
    }

    internal static string Text(Uri target, IEnumerable<Scenario> scenarios)
    {
        var runnable = scenarios.Where(s => s.InProcessOnly is null && !s.Server.InProcessOnlySettings().Any()).ToList();
        var text = new System.Text.StringBuilder();
        text.AppendLine($"note: the admin API of {target} is off (GET /_admin/info answered 404), so the server is not reset " +
                        "between scenarios and cannot add users, move its clock or reset /flaky; start it with --admin to run everything.");
        Line(text, "skipped, they use stubs", runnable.Where(s => s.Server.Stubs is not null).Select(s => Name(s)));
        Line(text, "skipped, they add users", runnable.Where(s => s.Server.Stubs is null && AddsUsers(s)).Select(s => Name(s)));
        var withoutUsers = runnable.Where(s => s.Server.Stubs is null && !AddsUsers(s)).ToList();
        Line(text, "will fail at their clock advance", withoutUsers.Select(s => (s, step: s.Steps.FirstOrDefault(t => t.Advance is not null)))
            .Where(x => x.step is not null).Select(x => $"{Name(x.s)} step {x.step!.Index}"));
        Line(text, "resetFlaky steps skipped", withoutUsers.SelectMany(s => s.Steps.Where(t => t.ResetFlaky).Select(t => $"{Name(s)} step {t.Index}")));
        Line(text, "may see /flaky counters left by earlier runs", withoutUsers.Where(UsesFlaky).Select(s => Name(s)));
        return text.ToString();
    }

    private static void Line(System.Text.StringBuilder text, string what, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count > 0) text.AppendLine($"  {what}: {string.Join(", ", list)}");
    }

    private static bool AddsUsers(Scenario scenario) => scenario.Server.Users.Count > 0 || scenario.Server.TwoFactor.Count > 0;

    private static bool UsesFlaky(Scenario scenario) =>
        scenario.Steps.Any(s => s.Request?.Url is { } url && url.Contains("/flaky", StringComparison.Ordinal));

    private static string Name(Scenario scenario) => Path.GetFileName(scenario.SourcePath);

    /// <summary>A file that cannot be read is reported by its own run; here it just has nothing to list.</summary>
    private static Scenario? Read(string file)
    {
        try
        {
            return ScenarioParser.ParseFile(file);
        }
        catch (Exception e) when (e is ScenarioFormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
