namespace ScenarioRunner.Model;

/// <summary>A session's jar saved to or loaded from a file (netscape = curl's cookies.txt, json = Playwright storageState).</summary>
public sealed record CookieFileSpec(string File, string Format, string Session);
