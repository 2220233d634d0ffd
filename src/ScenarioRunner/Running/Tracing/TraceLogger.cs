using Microsoft.Extensions.Logging;

namespace ScenarioRunner.Running.Tracing;

/// <summary>
/// The session's logger during a run: SessionClient's own debug lines (urllib3's "Incremented Retry…", the wait
/// before an attempt, a refused Set-Cookie) go into the step's trace as they are written, rather than the runner
/// working them out again. The per-hop lines are left out: <see cref="WireRecorder"/> has each exchange in full.
/// </summary>
internal sealed class TraceLogger(StepTrace trace) : ILogger
{
    private static readonly HashSet<string> Covered = ["Hop", "Headers"];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel) || eventId.Name is { } name && Covered.Contains(name)) return;
        trace.Add(new LogNote(formatter(state, exception)));
    }
}
