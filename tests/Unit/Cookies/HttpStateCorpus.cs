using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SessionKit.Tests.Unit.Cookies;

public enum HttpStateGroup { Active, Optional, Disabled }

/// <summary>One http-state parser case: the Set-Cookie values of parser/NAME-test and the header NAME-expected demands.</summary>
public sealed record HttpStateParserCase(string Name, IReadOnlyList<string> SetCookieValues, string? Location, string ExpectedCookieHeader)
{
    public static readonly Uri Origin = new("http://home.example.org:8888/");

    public HttpStateGroup Group => Name.StartsWith("optional-", StringComparison.Ordinal) ? HttpStateGroup.Optional
        : Name.StartsWith("disabled-", StringComparison.Ordinal) ? HttpStateGroup.Disabled
        : HttpStateGroup.Active;

    public Uri RequestUri => new(Origin, $"/cookie-parser?{Name}");

    /// <summary>The redirect target whose Cookie header is compared: Location resolved against the request URL.</summary>
    public Uri ResultUri => Location is null ? new Uri(Origin, $"/cookie-parser-result?{Name}") : new Uri(RequestUri, Location);

    public override string ToString() => Name;
}

/// <summary>One case of dates/examples.json or dates/bsd-examples.json; Expected is RFC 1123 or null for "reject".</summary>
public sealed record HttpStateDateCase(string File, int Index, string Input, string? Expected)
{
    public override string ToString() => $"{File}#{Index}";
}

/// <summary>
/// Reads the IETF http-state corpus in place (it is third-party data under the IETF Note Well and
/// is never copied into this repo) from ../shared/conformance/http-state beside the repo root, or
/// from $SESSIONKIT_CONFORMANCE_DIR.
/// </summary>
public static partial class HttpStateCorpus
{
    public const string EnvironmentVariable = "SESSIONKIT_CONFORMANCE_DIR";

    private static readonly Lazy<string?> Root = new(FindRoot);

    public static string? Directory => Root.Value;

    public static string MissingMessage =>
        $"http-state corpus not found: expected '{ExpectedDefaultPath() ?? "<repo root>/../shared/conformance/http-state"}' " +
        $"(or set {EnvironmentVariable} to the conformance or http-state folder).";

    /// <summary>Skips the calling test as inconclusive when the corpus is not on this machine.</summary>
    public static T Require<T>(T? testCase) where T : class
    {
        if (testCase is null)
            Assert.Inconclusive(MissingMessage);
        return testCase!;
    }

    public static IReadOnlyList<HttpStateParserCase> ParserCases()
    {
        if (Directory is not { } root)
            return [];
        var parser = Path.Combine(root, "parser");
        return System.IO.Directory.GetFiles(parser, "*-test")
            .Select(path => Path.GetFileName(path)[..^"-test".Length])
            .Order(StringComparer.Ordinal)
            .Select(name => ReadParserCase(parser, name))
            .ToList();
    }

    public static IReadOnlyList<HttpStateDateCase> DateCases()
    {
        if (Directory is not { } root)
            return [];
        return new[] { "examples.json", "bsd-examples.json" }
            .SelectMany(file => ReadDateCases(Path.Combine(root, "dates", file)))
            .ToList();
    }

    /// <summary>TestCaseSource rows named after the case file, or one null row that turns into Inconclusive.</summary>
    public static IEnumerable<TestCaseData> AsTestCases<T>(IEnumerable<T> cases) where T : class
    {
        var any = false;
        foreach (var testCase in cases)
        {
            any = true;
            yield return new TestCaseData(testCase).SetName($"{{m}}({testCase})");
        }
        if (!any)
            yield return new TestCaseData(null).SetName("{m}(corpus missing)");
    }

    private static HttpStateParserCase ReadParserCase(string folder, string name)
    {
        // Bytes → UTF-8: charset* cases hold raw UTF-8, disabled-chromium0022/23 a NUL and a bare CR.
        var test = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(folder, name + "-test")));
        var expected = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(folder, name + "-expected")));

        var setCookies = new List<string>();
        string? location = null;
        foreach (var line in test.Split('\n'))
        {
            // The original test server's split: (\S+):\s*(.*) — whitespace after the colon is dropped.
            var header = HeaderLine().Match(line);
            if (!header.Success)
                continue;
            if (header.Groups[1].Value.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
                setCookies.Add(header.Groups[2].Value);
            else if (header.Groups[1].Value.Equals("Location", StringComparison.OrdinalIgnoreCase))
                location = header.Groups[2].Value;
        }

        // The original checker: exactly one match of Cookie:\s*(.*) is the header; zero or several mean "none".
        var matches = ExpectedCookie().Matches(expected);
        return new HttpStateParserCase(name, setCookies, location, matches.Count == 1 ? matches[0].Groups[1].Value : "");
    }

    private static IEnumerable<HttpStateDateCase> ReadDateCases(string path)
    {
        // bsd-examples.json starts with the Chromium licence as // lines; the rest is strict JSON.
        var json = string.Join('\n', File.ReadAllLines(path, Encoding.UTF8).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
        using var document = JsonDocument.Parse(json);
        var index = 0;
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var expected = item.GetProperty("expected");
            yield return new HttpStateDateCase(Path.GetFileNameWithoutExtension(path), index++, item.GetProperty("test").GetString()!,
                expected.ValueKind == JsonValueKind.Null ? null : expected.GetString());
        }
    }

    private static string? FindRoot()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            foreach (var candidate in new[] { Path.Combine(configured, "http-state"), configured })
            {
                if (System.IO.Directory.Exists(Path.Combine(candidate, "parser")))
                    return candidate;
            }
        }
        return ExpectedDefaultPath() is { } path && System.IO.Directory.Exists(Path.Combine(path, "parser")) ? path : null;
    }

    private static string? ExpectedDefaultPath()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SessionKit.slnx")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "http-state"));
        }
        return null;
    }

    [GeneratedRegex(@"^(\S+):\s*(.*)")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"Cookie:\s*(.*)")]
    private static partial Regex ExpectedCookie();
}
