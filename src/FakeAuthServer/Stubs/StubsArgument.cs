namespace FakeAuthServer.Stubs;

/// <summary><c>--stubs DIR</c> (or <c>--stubs=DIR</c>): the standalone server's FakeAuth:Stubs:Mappings, from the working directory.</summary>
internal static class StubsArgument
{
    private const string Switch = "--stubs";

    public static (string? Folder, string[] Others) Take(string[] args)
    {
        string? folder = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == Switch && i + 1 < args.Length) folder = args[++i];
            else if (args[i].StartsWith(Switch + "=", StringComparison.Ordinal)) folder = args[i][(Switch.Length + 1)..];
            else rest.Add(args[i]);
        }
        // The content root is the binary's folder, so a relative folder is made absolute here, against the shell's.
        return (folder is null ? null : Path.GetFullPath(folder), [.. rest]);
    }
}
