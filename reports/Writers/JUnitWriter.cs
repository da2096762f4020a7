using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using EUeConformance.Reports.Model;

namespace EUeConformance.Reports.Writers;

/// <summary>
/// junit.xml for CI (Jenkins, GitLab and the like): one testsuite per feature, one testcase per scenario.
/// fail is a failure, error is an error, not-applicable and inconclusive are skipped with their reason,
/// so a CI gate that counts failures + errors matches the suite's own exit code on verdicts.
/// </summary>
public static class JUnitWriter
{
    public const string FileName = "junit.xml";

    /// <summary>A steps.log larger than this is cut in system-out; the full file stays in the evidence.</summary>
    public const int MaxStepLogChars = 256 * 1024;

    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Builds the document. <paramref name="stepLog"/> supplies a scenario's full step log (the harness's
    /// steps.log) for system-out; when it returns null the log is rendered from the scenario's steps.
    /// </summary>
    public static XDocument Build(RunReport report, Func<ScenarioResult, string?>? stepLog = null)
    {
        var run = report.Run;
        var suites = new List<XElement>();
        int index = 0;
        // GroupBy keeps the order in which features first appear, i.e. the order they ran.
        foreach (var feature in report.Scenarios.GroupBy(s => s.Feature))
        {
            var cases = feature.ToList();
            var suite = new XElement("testsuite",
                new XAttribute("name", Clean(FeatureName(feature.Key))),
                new XAttribute("id", index++),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(c => c.Verdict == Verdict.Fail)),
                new XAttribute("errors", cases.Count(c => c.Verdict == Verdict.Error)),
                new XAttribute("skipped", cases.Count(c => c.Verdict is Verdict.NotApplicable or Verdict.Inconclusive)),
                new XAttribute("time", Seconds(cases.Sum(c => c.DurationMs))),
                // The JUnit schema's timestamp has no zone: give UTC.
                new XAttribute("timestamp", run.Started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", Inv)),
                SuiteProperties(run));
            foreach (var s in cases) suite.Add(TestCase(s, stepLog?.Invoke(s) ?? RenderSteps(s)));
            suites.Add(suite);
        }

        var root = new XElement("testsuites",
            new XAttribute("name", Clean($"{run.Suite} {run.SuiteVersion}")),
            new XAttribute("tests", report.Scenarios.Count),
            new XAttribute("failures", report.Scenarios.Count(c => c.Verdict == Verdict.Fail)),
            new XAttribute("errors", report.Scenarios.Count(c => c.Verdict == Verdict.Error)),
            new XAttribute("skipped", report.Scenarios.Count(c => c.Verdict is Verdict.NotApplicable or Verdict.Inconclusive)),
            new XAttribute("time", Seconds(report.Scenarios.Sum(c => c.DurationMs))),
            suites);
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
    }

    public static string Render(RunReport report, Func<ScenarioResult, string?>? stepLog = null)
    {
        var doc = Build(report, stepLog);
        var settings = new XmlWriterSettings
        {
            Encoding = ReportFile.Utf8,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, settings)) doc.Save(w);
        return ReportFile.Utf8.GetString(ms.ToArray()) + "\n";
    }

    /// <summary>
    /// Writes <see cref="FileName"/> into <paramref name="outDir"/>; system-out carries each scenario's
    /// steps.log found there (its step-log evidence), else the steps rendered from the report.
    /// </summary>
    public static string Write(RunReport report, string outDir) =>
        ReportFile.Write(Path.Combine(outDir, FileName), Render(report, s => ReadStepLog(s, outDir)));

    static XElement SuiteProperties(RunInfo run)
    {
        var props = new XElement("properties");
        void Add(string name, string? value)
        {
            if (value is not null) props.Add(new XElement("property", new XAttribute("name", name), new XAttribute("value", Clean(value))));
        }
        Add("suite", run.Suite);
        Add("suite-version", run.SuiteVersion);
        Add("spec-document", run.SpecDocument);
        Add("catalog", run.CatalogPath);
        Add("catalog-sha256", run.CatalogSha256);
        Add("dut", run.DutName);
        Add("profile", run.ProfilePath);
        Add("profile-sha256", run.ProfileSha256);
        Add("command-line", run.CommandLine);
        Add("fabric", run.Fabric);
        Add("seed", run.Seed.ToString(Inv));
        Add("tag-expression", run.TagExpression);
        Add("requirement-pattern", run.RequirementPattern);
        Add("started", run.Started.ToString("O", Inv));
        Add("finished", run.Finished.ToString("O", Inv));
        Add("interrupted", run.Interrupted ? "true" : "false");
        Add("exit-code", run.ExitCode.ToString(Inv));
        return props;
    }

    static XElement TestCase(ScenarioResult s, string log)
    {
        var tc = new XElement("testcase",
            new XAttribute("classname", Clean(FeatureName(s.Feature))),
            new XAttribute("name", Clean(s.Name)),
            new XAttribute("time", Seconds(s.DurationMs)),
            // GitLab shows the file; the line lets a reader jump to the scenario.
            new XAttribute("file", Clean(s.File)),
            new XAttribute("line", s.Line));

        var props = new XElement("properties",
            new XElement("property", new XAttribute("name", "scenario-id"), new XAttribute("value", Clean(s.Id))),
            new XElement("property", new XAttribute("name", "verdict"), new XAttribute("value", s.Verdict.ToWire())));
        foreach (var id in s.RequirementIds)
            props.Add(new XElement("property", new XAttribute("name", "requirement"), new XAttribute("value", Clean(id))));
        tc.Add(props);

        string reason = s.Reason ?? "";
        switch (s.Verdict)
        {
            case Verdict.Fail:
                tc.Add(new XElement("failure", new XAttribute("message", Clean(FirstLine(reason))), new XAttribute("type", "fail"), Clean(Details(s))));
                break;
            case Verdict.Error:
                tc.Add(new XElement("error", new XAttribute("message", Clean(FirstLine(reason))), new XAttribute("type", "error"), Clean(Details(s))));
                break;
            case Verdict.NotApplicable:
                tc.Add(new XElement("skipped", new XAttribute("message", Clean("not applicable: " + reason))));
                break;
            case Verdict.Inconclusive:
                tc.Add(new XElement("skipped", new XAttribute("message", Clean("inconclusive: " + reason)), Clean(Details(s))));
                break;
        }
        tc.Add(new XElement("system-out", Clean(log)));
        return tc;
    }

    /// <summary>The reason in full, then every step that did not pass with its message: what a CI reader needs without opening the evidence.</summary>
    static string Details(ScenarioResult s)
    {
        var sb = new StringBuilder();
        sb.Append(s.Reason ?? "").Append('\n');
        foreach (var step in s.Steps.Where(x => x.Status is not "passed" and not "skipped"))
        {
            sb.Append('\n').Append(step.Status).Append(": ").Append(step.Keyword).Append(' ').Append(step.Text)
              .Append(" (line ").Append(step.Line.ToString(Inv)).Append(')');
            if (step.Message is not null) sb.Append('\n').Append(step.Message);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The step log as the harness's steps.log presents it, for scenarios that have no such file.</summary>
    static string RenderSteps(ScenarioResult s)
    {
        var sb = new StringBuilder();
        sb.Append("scenario: ").Append(s.Name).Append('\n');
        sb.Append("at:       ").Append(s.Id).Append('\n');
        sb.Append("cites:    ").Append(string.Join(", ", s.RequirementIds)).Append('\n');
        sb.Append("verdict:  ").Append(s.Verdict.ToWire()).Append(s.Reason is null ? "" : " — " + s.Reason).Append('\n').Append('\n');
        foreach (var step in s.Steps)
        {
            sb.Append(step.Status.PadRight(13)).Append(' ').Append(step.Keyword).Append(' ').Append(step.Text)
              .Append("  (line ").Append(step.Line.ToString(Inv)).Append(", ").Append(step.DurationMs.ToString("0.###", Inv)).Append(" ms)").Append('\n');
            if (step.Message is not null) sb.Append("              ").Append(step.Message.Replace("\n", "\n              ")).Append('\n');
        }
        foreach (var e in s.Evidence)
            sb.Append("evidence:     ").Append(e.Kind).Append(": ").Append(e.Title)
              .Append(e.Path is null ? "" : " (" + e.Path + ")").Append(e.Text is null ? "" : "\n              " + e.Text.Replace("\n", "\n              ")).Append('\n');
        return sb.ToString();
    }

    /// <summary>Only a file inside the output folder is read: an evidence path must never make the writer read elsewhere.</summary>
    static string? ReadStepLog(ScenarioResult s, string outDir)
    {
        var item = s.Evidence.FirstOrDefault(e => e.Kind == "step-log" && e.Path is not null);
        if (item is null) return null;
        string root = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        string full = Path.GetFullPath(Path.Combine(root, item.Path!));
        if (!full.StartsWith(root, StringComparison.Ordinal) || !File.Exists(full)) return null;
        string text = File.ReadAllText(full);
        return text.Length <= MaxStepLogChars ? text
            : text[..MaxStepLogChars] + $"\n… cut at {MaxStepLogChars} characters; the full log is {item.Path}\n";
    }

    static string FeatureName(string feature) => feature.Length == 0 ? "(no feature)" : feature;

    static string FirstLine(string s) => s.Split('\n')[0].TrimEnd('\r');

    static string Seconds(double ms) =>
        double.IsFinite(ms) ? (ms / 1000.0).ToString("0.000", Inv) : "0.000";

    static string Clean(string? s) => XmlText.Clean(s);
}
