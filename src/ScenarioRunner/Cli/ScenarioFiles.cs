namespace ScenarioRunner.Cli;

/// <summary>The *.yaml files named, or inside the folders named, in name order.</summary>
public static class ScenarioFiles
{
    public static List<string> Find(IEnumerable<string> paths) =>
    [
        .. paths.SelectMany<string, string>(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*.yaml").Concat(Directory.EnumerateFiles(p, "*.yml")).Order(StringComparer.Ordinal)
            : File.Exists(p) ? [p] : []),
    ];
}
