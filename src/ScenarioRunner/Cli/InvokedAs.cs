using System.Reflection;

namespace ScenarioRunner.Cli;

/// <summary>
/// The command as the user typed it, for the usage line. System.CommandLine names the root command after the
/// executable (RootCommand.ExecutableName): right for the installed tool (sessionkit), but "ScenarioRunner" under
/// <c>dotnet run</c>, which nobody types, and "testhost" in tests. The entry assembly says which of these we are.
/// </summary>
internal static class InvokedAs
{
    public const string Tool = "sessionkit";
    public const string FromSource = "dotnet run --project src/ScenarioRunner --";

    public static string Current => For(Assembly.GetEntryAssembly()?.GetName().Name);

    /// <summary>
    /// sessionkit for the tool; the README's dotnet run line for this project's own build; sessionkit otherwise
    /// (a test or another program hosting the command line speaks of the tool a user would install).
    /// </summary>
    public static string For(string? entryAssembly) => entryAssembly == "ScenarioRunner" ? FromSource : Tool;
}
