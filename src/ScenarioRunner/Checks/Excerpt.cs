namespace ScenarioRunner.Checks;

/// <summary>The first 500 characters: enough to recognise a body, short enough for a report.</summary>
public static class Excerpt
{
    public const int Length = 500;
    public static string Of(string text) => text.Length <= Length ? text : text[..Length] + "…";
}
