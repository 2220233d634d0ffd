using System.Globalization;
using SessionClient;

namespace SessionKit.Tests.Unit.Cookies;

/// <summary>The 70 http-state cookie-date cases (dates/examples.json and dates/bsd-examples.json).</summary>
public sealed class HttpStateDateConformanceTests
{
    public static IEnumerable<TestCaseData> DateCases() => HttpStateCorpus.AsTestCases(HttpStateCorpus.DateCases());

    [TestCaseSource(nameof(DateCases))]
    public void Cookie_date_parses_as_the_corpus_expects(HttpStateDateCase? testCase)
    {
        var c = HttpStateCorpus.Require(testCase);

        var parsed = CookieDateParser.Parse(c.Input);

        parsed?.ToString("r", CultureInfo.InvariantCulture).ShouldBe(c.Expected, $"cookie-date '{c.Input}' (null = rejected)");
        if (parsed is null)
            c.Expected.ShouldBeNull($"cookie-date '{c.Input}' was rejected");
    }
}
