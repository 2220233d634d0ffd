using System.Diagnostics;
using ScenarioRunner.Checks;
using ScenarioRunner.Model;
using ScenarioRunner.Parsing;
using SessionClient;
using SessionClient.CookieFiles;

namespace ScenarioRunner.Running;

/// <summary>Runs a scenario's steps in order against a target; the first failing step ends the run.</summary>
public static class ScenarioExecutor
{
    /// <summary>Reads and runs one file; a file that cannot be read is a failed scenario whose reason says file:line:column.</summary>
    public static async Task<ScenarioResult> RunFileAsync(string path, Func<Scenario, ITarget> target, RunSettings? settings = null,
        CancellationToken cancellationToken = default)
    {
        Scenario scenario;
        try
        {
            scenario = ScenarioParser.ParseFile(path);
        }
        catch (ScenarioFormatException e)
        {
            return new ScenarioResult(Path.GetFileNameWithoutExtension(path), path, Verdict.Failed, TimeSpan.Zero, []) { Reason = e.Message };
        }
        return await RunAsync(scenario, target, settings, cancellationToken);
    }

    public static async Task<ScenarioResult> RunAsync(Scenario scenario, Func<Scenario, ITarget> createTarget, RunSettings? settings = null,
        CancellationToken cancellationToken = default)
    {
        settings ??= new RunSettings();
        var stopwatch = Stopwatch.StartNew();
        await using var target = createTarget(scenario);
        try
        {
            if (await target.PrepareAsync(scenario, cancellationToken) is { } reason)
                return new ScenarioResult(scenario.Name, scenario.SourcePath, Verdict.Skipped, TimeSpan.Zero, []) { Reason = reason };
        }
        catch (Exception e) when (e is HttpRequestException or StepFailure)
        {
            return new ScenarioResult(scenario.Name, scenario.SourcePath, Verdict.Failed, stopwatch.Elapsed, [])
                { Reason = $"could not prepare {target.BaseAddress}: {e.Message}" };
        }

        var workDirectory = settings.WorkDirectory ?? Directory.CreateTempSubdirectory("scenario-").FullName;
        var variables = Variables.For(target);
        await using var pool = new ScenarioSessions(target, variables);
        try
        {
            pool.Open(scenario.Sessions);
        }
        catch (StepFailure e)
        {
            return new ScenarioResult(scenario.Name, scenario.SourcePath, Verdict.Failed, stopwatch.Elapsed, [])
                { Reason = $"could not open the sessions: {e.Message}" };
        }
        var context = new StepContext(scenario, target, pool, variables, workDirectory);

        var results = new List<StepResult>();
        StepResult? flakyNotReset = null;
        foreach (var step in scenario.Steps)
        {
            if (results.Any(r => r.Verdict == Verdict.Failed))
            {
                results.Add(new StepResult(step.Index, step.Line, step.Describe(), Verdict.Skipped, ["not run: an earlier step failed"], null));
                continue;
            }
            var result = await RunStepAsync(step, context, cancellationToken);
            if (step.ResetFlaky && result.Verdict == Verdict.Skipped) flakyNotReset = result;
            // The likeliest reason a fail_first step now fails is the reset that could not happen: say so where it fails.
            if (result.Verdict == Verdict.Failed && flakyNotReset is not null)
                result = result with { Failures = [.. result.Failures, $"note: step {flakyNotReset.Index} did not reset /flaky ({flakyNotReset.Failures[0]})"] };
            results.Add(result);
        }
        var verdict = results.Any(r => r.Verdict == Verdict.Failed) ? Verdict.Failed : Verdict.Passed;
        return new ScenarioResult(scenario.Name, scenario.SourcePath, verdict, stopwatch.Elapsed, results) { Description = scenario.Description };
    }

    private static async Task<StepResult> RunStepAsync(Step step, StepContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (step.Request is { } request) return await RequestStep.RunAsync(step, request, context, cancellationToken);
            if (step.ResetFlaky) return await ResetFlakyAsync(step, context, cancellationToken);
            var narration = step.Advance is { } by ? await AdvanceAsync(context, by, cancellationToken)
                : step.SaveCookies is { } save ? Save(context, save)
                : Load(context, step.LoadCookies!);
            return new StepResult(step.Index, step.Line, step.Describe(), Verdict.Passed, [], null)
                { Narration = narration, Session = (step.SaveCookies ?? step.LoadCookies)?.Session };
        }
        catch (Exception e) when (e is StepFailure or HttpRequestException or CookieFileException or IOException or UnauthorizedAccessException)
        {
            return new StepResult(step.Index, step.Line, step.Describe(), Verdict.Failed, [e.Message], null);
        }
    }

    /// <summary>Skipped, not failed, where the target cannot: on a fresh server the steps after it can still pass.</summary>
    private static async Task<StepResult> ResetFlakyAsync(Step step, StepContext context, CancellationToken cancellationToken) =>
        await context.Target.ResetFlakyAsync(cancellationToken) is { } cannot
            ? new StepResult(step.Index, step.Line, step.Describe(), Verdict.Skipped, [cannot], null)
            : new StepResult(step.Index, step.Line, step.Describe(), Verdict.Passed, [], null)
                { Narration = "reset /flaky: its fail_first counters and seeded sequences start again" };

    private static async Task<string> AdvanceAsync(StepContext context, TimeSpan by, CancellationToken cancellationToken)
    {
        await context.Target.AdvanceAsync(by, cancellationToken);
        return $"advanced the server's clock by {by}; the server's time is now {context.Target.Clock.GetUtcNow():u}";
    }

    private static string Save(StepContext context, CookieFileSpec spec)
    {
        var jar = context.Sessions[spec.Session].Session.Cookies;
        var path = Path.Combine(context.WorkDirectory, context.Variables.Expand(spec.File));
        jar.Save(path, spec.Format == "json" ? CookieFileFormat.Json : CookieFileFormat.Netscape);
        return $"saved {jar.Count} cookie(s) of session '{spec.Session}' to {path}";
    }

    private static string Load(StepContext context, CookieFileSpec spec)
    {
        var file = context.Variables.Expand(spec.File);
        var saved = Path.Combine(context.WorkDirectory, file);
        var path = File.Exists(saved) ? saved : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(context.Scenario.SourcePath)) ?? ".", file);
        if (!File.Exists(path)) throw new StepFailure($"loadCookies: no file '{file}' was saved by this run or sits next to the scenario");
        var jar = context.Sessions[spec.Session].Session.Cookies;
        var count = jar.Load(path);
        return $"loaded {count} cookie(s) into session '{spec.Session}' from {path}{Environment.NewLine}jar after:{Environment.NewLine}"
               + ExchangeRecord.Describe(jar, context.Target.Clock.GetUtcNow());
    }
}
