namespace ScenarioRunner.Model;

/// <summary>
/// One entry of <c>steps</c>: exactly one action (request, advance, resetFlaky, saveCookies, loadCookies) and, for a request,
/// what to expect and what to capture.
/// </summary>
public sealed record Step
{
    /// <summary>1-based position in the file, and the line it starts on, for reports.</summary>
    public int Index { get; init; }
    public int Line { get; init; }
    public int Column { get; init; }
    public string? Name { get; init; }

    public RequestSpec? Request { get; init; }
    public TimeSpan? Advance { get; init; }

    /// <summary><c>resetFlaky: true</c>: /flaky's fail_first counters and seeded sequences start again.</summary>
    public bool ResetFlaky { get; init; }
    public CookieFileSpec? SaveCookies { get; init; }
    public CookieFileSpec? LoadCookies { get; init; }

    public ExpectSpec? Expect { get; init; }
    public IReadOnlyList<CaptureSpec> Captures { get; init; } = [];

    /// <summary>The request must fail with this error (RetryExhausted, TooManyRedirects, …).</summary>
    public string? ExpectError { get; init; }

    public string Describe() => Name ?? Request?.Describe() ?? (Advance is { } a ? $"advance {a}" : ResetFlaky ? "reset /flaky" :
        SaveCookies is { } s ? $"saveCookies {s.File}" : LoadCookies is { } l ? $"loadCookies {l.File}" : "step");
}
