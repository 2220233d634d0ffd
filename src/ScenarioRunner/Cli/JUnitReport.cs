using System.Xml.Linq;
using ScenarioRunner.Running;

namespace ScenarioRunner.Cli;

/// <summary>--report-junit: one testcase per scenario, the failure report as its message body.</summary>
public static class JUnitReport
{
    public static void Write(string path, IReadOnlyList<ScenarioResult> results, TimeSpan wall)
    {
        var suite = new XElement("testsuite",
            new XAttribute("name", "scenarios"),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", results.Count(r => r.Verdict == Verdict.Failed)),
            new XAttribute("skipped", results.Count(r => r.Verdict == Verdict.Skipped)),
            new XAttribute("time", Seconds(wall)),
            results.Select(Case));
        new XDocument(new XElement("testsuites", suite)).Save(path);
    }

    private static XElement Case(ScenarioResult result)
    {
        var element = new XElement("testcase", new XAttribute("classname", "scenarios"), new XAttribute("name", result.Name),
            new XAttribute("file", result.File), new XAttribute("time", Seconds(result.Elapsed)));
        if (result.Verdict == Verdict.Failed)
            element.Add(new XElement("failure", new XAttribute("message", result.Reason ?? result.FailedStep?.Failures.FirstOrDefault() ?? "failed"),
                result.Report()));
        else if (result.Verdict == Verdict.Skipped)
            element.Add(new XElement("skipped", new XAttribute("message", result.Reason ?? "")));
        return element;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
