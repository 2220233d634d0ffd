namespace SessionClient;

/// <summary>A cookie file could not be read; the jar was left as it was.</summary>
public sealed class CookieFileException(string source, int line, string problem)
    : FormatException(line > 0 ? $"{source}:{line}: {problem}" : $"{source}: {problem}")
{
    /// <summary>The file (or "storageState") that failed.</summary>
    public string FileName { get; } = source;

    /// <summary>1-based line of the problem; 0 when it concerns the whole file.</summary>
    public int Line { get; } = line;
}
