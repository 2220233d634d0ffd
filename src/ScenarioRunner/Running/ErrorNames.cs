namespace ScenarioRunner.Running;

/// <summary>The name expectError uses: the exception's type without "Exception" (RetryExhausted, TooManyRedirects, …).</summary>
public static class ErrorNames
{
    public static string Of(Exception error)
    {
        var name = error.GetType().Name;
        return name.EndsWith("Exception", StringComparison.Ordinal) ? name[..^"Exception".Length] : name;
    }
}
