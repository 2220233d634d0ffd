using ScenarioRunner.Running;

namespace ScenarioRunner.Cli;

/// <summary>--explain: each step as sent and answered, with the jar after it; otherwise just the failing step.</summary>
public static class Narrator
{
    public static void Write(ScenarioResult result)
    {
        Console.WriteLine($"=== {result.Name} ({result.File})");
        if (result.Reason is not null) Console.WriteLine($"    {result.Verdict}: {result.Reason}");
        foreach (var step in result.Steps)
        {
            Console.WriteLine($"--- step {step.Index} (line {step.Line}): {step.Description} — {step.Verdict}");
            if (step.Exchange is { } exchange) Console.WriteLine(exchange);
            if (step.Narration is { } narration) Console.WriteLine(narration);
            foreach (var failure in step.Failures) Console.WriteLine($"    ✗ {failure}");
        }
        Console.WriteLine();
    }

    public static void WriteFailure(ScenarioResult result)
    {
        Console.WriteLine(result.Report());
        Console.WriteLine();
    }
}
