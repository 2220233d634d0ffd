namespace ScenarioRunner.Parsing;

/// <summary>A scenario file that cannot be read: <c>file:line:column: what was expected there</c>.</summary>
public sealed class ScenarioFormatException(string file, long line, long column, string problem)
    : Exception($"{file}:{line}:{column}: {problem}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public long Column { get; } = column;
    public string Problem { get; } = problem;
}
