namespace ScenarioRunner.Cli;

/// <summary>
/// Settings the in-process server reads from the environment. WebApplicationFactory looks for the server's content root next to a solution file or in assembly attributes
/// that only test projects get; a console app points it at its own output folder, which holds appsettings.json.
/// </summary>
internal static class ServerEnvironment
{
    private const string Setting = "ASPNETCORE_TEST_CONTENTROOT_FAKEAUTHSERVER";

    public static void Prepare()
    {
        // The summary table is the output; the server's start/stop lines would bury it.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        Environment.SetEnvironmentVariable("Logging__LogLevel__Microsoft.Hosting.Lifetime", "Warning");
        if (Environment.GetEnvironmentVariable(Setting) is not null) return;
        Environment.SetEnvironmentVariable(Setting, AppContext.BaseDirectory);
    }
}
