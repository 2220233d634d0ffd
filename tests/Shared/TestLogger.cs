using Microsoft.Extensions.Logging;

namespace SessionKit.Tests;

/// <summary>Keeps every formatted log line at or above a level, with its level, for assertions; shared by both test projects.</summary>
internal sealed class TestLogger(LogLevel minimum = LogLevel.Trace) : ILogger
{
    private readonly List<(LogLevel Level, string Text)> _lines = [];

    public IReadOnlyList<(LogLevel Level, string Text)> Lines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    public IReadOnlyList<string> Texts => [.. Lines.Select(l => l.Text)];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        lock (_lines) _lines.Add((logLevel, formatter(state, exception)));
    }
}
