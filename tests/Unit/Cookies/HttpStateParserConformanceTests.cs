using SessionClient;

namespace SessionKit.Tests.Unit.Cookies;

/// <summary>The IETF http-state parser corpus: 214 active cases must pass; optional/disabled ones are only reported.</summary>
public sealed class HttpStateParserConformanceTests
{
    public static IEnumerable<TestCaseData> ActiveCases() =>
        HttpStateCorpus.AsTestCases(HttpStateCorpus.ParserCases().Where(c => c.Group == HttpStateGroup.Active));

    public static IEnumerable<TestCaseData> OptionalAndDisabledCases() =>
        HttpStateCorpus.AsTestCases(HttpStateCorpus.ParserCases().Where(c => c.Group != HttpStateGroup.Active));

    [TestCaseSource(nameof(ActiveCases))]
    public void Active_case_sends_the_expected_cookie_header(HttpStateParserCase? testCase)
    {
        var c = HttpStateCorpus.Require(testCase);

        var sent = HttpStateRunner.RunCookieJar(c);

        sent.ShouldBe(c.ExpectedCookieHeader, Describe(c));
    }

    // These test behaviour the spec only recommends (optional-*) or that the corpus authors switched
    // off as doubtful (disabled-*), so a mismatch is a warning, never a failure.
    [TestCaseSource(nameof(OptionalAndDisabledCases))]
    public void Optional_or_disabled_case_is_reported(HttpStateParserCase? testCase)
    {
        var c = HttpStateCorpus.Require(testCase);

        var sent = HttpStateRunner.RunCookieJar(c);

        if (sent == c.ExpectedCookieHeader)
            Assert.Pass($"{c.Group} case {c.Name} passes.");
        Assert.Warn($"{c.Group} case {c.Name} differs (not required). {Describe(c)} Sent: '{sent}'.");
    }

    [Test]
    public void Cookie_jar_passes_every_active_case_and_beats_CookieContainer()
    {
        var cases = HttpStateCorpus.ParserCases();
        if (cases.Count == 0)
            Assert.Inconclusive(HttpStateCorpus.MissingMessage);

        var active = cases.Where(c => c.Group == HttpStateGroup.Active).ToList();
        var extra = cases.Where(c => c.Group != HttpStateGroup.Active).ToList();
        int Passed(IEnumerable<HttpStateParserCase> set, Func<HttpStateParserCase, string> run) =>
            set.Count(c => run(c) == c.ExpectedCookieHeader);

        var oursActive = Passed(active, HttpStateRunner.RunCookieJar);
        var oursOptional = Passed(extra.Where(c => c.Group == HttpStateGroup.Optional), HttpStateRunner.RunCookieJar);
        var oursDisabled = Passed(extra.Where(c => c.Group == HttpStateGroup.Disabled), HttpStateRunner.RunCookieJar);
        var theirsActive = Passed(active, HttpStateRunner.RunCookieContainer);
        var theirsAll = theirsActive + Passed(extra, HttpStateRunner.RunCookieContainer);

        TestContext.Out.WriteLine(
            $"http-state parser: SessionClient.CookieJar {oursActive}/{active.Count} active " +
            $"(+{oursOptional + oursDisabled}/{extra.Count} optional/disabled: optional {oursOptional}/{extra.Count(c => c.Group == HttpStateGroup.Optional)}, " +
            $"disabled {oursDisabled}/{extra.Count(c => c.Group == HttpStateGroup.Disabled)}), " +
            $"System.Net.CookieContainer {theirsActive}/{active.Count} active ({theirsAll}/{cases.Count} all)");
        var failures = active.Where(c => HttpStateRunner.RunCookieJar(c) != c.ExpectedCookieHeader).Select(c => c.Name);
        TestContext.Out.WriteLine($"CookieJar active failures: {string.Join(", ", failures.DefaultIfEmpty("none"))}");

        oursActive.ShouldBe(active.Count);
        oursActive.ShouldBeGreaterThan(theirsActive);
    }

    [Test]
    public void The_default_jar_differs_from_the_corpus_only_in_the_charset_cases_whose_non_ascii_it_refuses()
    {
        var cases = HttpStateCorpus.ParserCases();
        if (cases.Count == 0)
            Assert.Inconclusive(HttpStateCorpus.MissingMessage);

        var differing = cases.Where(c => c.Group == HttpStateGroup.Active)
            .Where(c => HttpStateRunner.RunCookieJar(c, new CookieJarOptions()) != c.ExpectedCookieHeader)
            .Select(c => c.Name);

        differing.ShouldBe(["charset0001", "charset0002", "charset0003", "charset0004"]);
    }

    private static string Describe(HttpStateParserCase c) =>
        $"Set-Cookie: [{string.Join(" | ", c.SetCookieValues.Select(v => v.Length > 120 ? v[..120] + "…" : v))}] " +
        $"then GET {c.ResultUri}; expected '{c.ExpectedCookieHeader}'.";
}
