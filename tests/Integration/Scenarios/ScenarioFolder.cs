namespace SessionKit.Tests.Integration.Scenarios;

/// <summary>The repository's scenarios/ folder, found by walking up to SessionKit.slnx.</summary>
public static class ScenarioFolder
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SessionKit.slnx"))) return System.IO.Path.Combine(dir.FullName, "scenarios");
        throw new DirectoryNotFoundException("No SessionKit.slnx above " + AppContext.BaseDirectory);
    }
}
