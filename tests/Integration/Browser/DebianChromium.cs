namespace SessionKit.Tests.Integration.Browser;

/// <summary>How every browser test starts Debian's chromium: never a downloaded browser, no network of its own.</summary>
internal static class DebianChromium
{
    public static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
}
