namespace ScenarioRunner.Running;

/// <summary>The name expectError uses: the exception's type without "Exception" (RetryExhausted, TooManyRedirects, …).</summary>
public static class ErrorNames
{
    /// <summary>
    /// Every name a request step can fail with: the exceptions <see cref="RequestStep"/> turns into an outcome.
    /// scenarios/README.md and the schema's expectError enum list the same names; a test keeps the three in step.
    /// </summary>
    internal static readonly IReadOnlyList<string> Known =
    [
        "RetryExhausted",    // retries ran out (on a status, or connection or read errors)
        "TooManyRedirects",  // more than the session's MaxRedirects hops
        "InsecureRedirect",  // an https page redirected to http
        "ResponseTooLarge",  // a body past MaxResponseBodyBytes
        "LoginFailed",       // a re-login flow could not log in
        "Timeout",           // the session's Timeout, or a retry's attempt timeout
        "HttpRequest",       // any other transport failure: connection refused without retries, a name that does not resolve
        "InvalidOperation",  // the request could not be sent as written (e.g. a relative URL and no base address)
        "TaskCanceled",      // the run was cancelled
    ];

    public static string Of(Exception error)
    {
        var name = error.GetType().Name;
        return name.EndsWith("Exception", StringComparison.Ordinal) ? name[..^"Exception".Length] : name;
    }
}
