using System.Globalization;
using System.Text;
using EUeConformance.Reports.Model;

namespace EUeConformance.Reports.Writers;

/// <summary>
/// traceability.md: the auditor's table from every catalog requirement to its status, the scenarios
/// behind it and the reason, grouped by specification section in the specification's own order.
/// </summary>
public static class TraceabilityMarkdownWriter
{
    public const string FileName = "traceability.md";

    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(RunReport report)
    {
        var run = report.Run;
        var sb = new StringBuilder();
        void Line(string s = "") => sb.Append(s).Append('\n');

        Line($"# Traceability: {Cell(run.Suite)} {Cell(run.SuiteVersion)}");
        Line();
        if (run.Interrupted)
        {
            Line("> **This run was interrupted.** Scenarios that did not finish are inconclusive; the results below are incomplete.");
            Line();
        }
        Line("| Run | |");
        Line("| --- | --- |");
        Line($"| Suite | {Cell(run.Suite)} {Cell(run.SuiteVersion)} |");
        Line($"| Specification | {Cell(run.SpecDocument)} |");
        Line($"| Catalog | {Cell(run.CatalogPath)} |");
        Line($"| Catalog SHA-256 | {Code(run.CatalogSha256)} |");
        Line($"| DUT | {Cell(run.DutName)} |");
        Line($"| Profile | {Cell(run.ProfilePath)} |");
        Line($"| Profile SHA-256 | {Code(run.ProfileSha256)} |");
        Line($"| Command line | {Code(run.CommandLine)} |");
        Line($"| Fabric | {Cell(run.Fabric)} |");
        Line($"| Seed | {run.Seed.ToString(Inv)} |");
        Line($"| Tag expression | {(run.TagExpression is null ? "(none)" : Code(run.TagExpression))} |");
        Line($"| Requirement pattern | {(run.RequirementPattern is null ? "(none)" : Code(run.RequirementPattern))} |");
        Line($"| Started | {run.Started.ToString("O", Inv)} |");
        Line($"| Finished | {run.Finished.ToString("O", Inv)} |");
        Line($"| Interrupted | {(run.Interrupted ? "**yes**" : "no")} |");
        Line($"| Exit code | {run.ExitCode.ToString(Inv)} |");
        Line();

        Line("## Summary");
        Line();
        Line("| Requirement status | Count |");
        Line("| --- | ---: |");
        foreach (var (status, count) in report.RequirementCounts)
            Line($"| {StatusText.Label(status)} | {count.ToString(Inv)} |");
        Line($"| **total** | {report.Requirements.Count.ToString(Inv)} |");
        Line();
        Line("Only *pass* means a scenario verified the requirement on this device. *not automated*, *not run* and *server-side* are not verdicts: nothing in this run verified those requirements.");
        Line();
        Line("| Scenario verdict | Count |");
        Line("| --- | ---: |");
        foreach (var (verdict, count) in report.ScenarioCounts)
            Line($"| {Cell(verdict)} | {count.ToString(Inv)} |");
        Line($"| **total** | {report.Scenarios.Count.ToString(Inv)} |");
        Line();

        var verdicts = new Dictionary<string, Verdict>(StringComparer.Ordinal);
        foreach (var s in report.Scenarios) verdicts.TryAdd(s.Id, s.Verdict);

        foreach (var section in report.Requirements.GroupBy(r => r.Section).OrderBy(g => g.Key, NaturalOrder.Instance))
        {
            Line($"## Section {(section.Key.Length == 0 ? "(none)" : Cell(section.Key))}");
            Line();
            Line("| ID | Keyword | Actor | Method | Status | Scenarios | Reason |");
            Line("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var r in section.OrderBy(r => r.Id, NaturalOrder.Instance))
            {
                string scenarios = r.ScenarioIds.Count == 0 ? "(none)" : string.Join("<br>", r.ScenarioIds.Select(id =>
                    Cell(id) + " (" + (verdicts.TryGetValue(id, out var v) ? v.ToWire() : "not in this run") + ")"));
                string status = r.Status is RequirementStatus.Fail or RequirementStatus.Error
                    ? $"**{StatusText.Label(r.Status)}**" : StatusText.Label(r.Status);
                Line($"| {Cell(r.Id)} | {Cell(r.Keyword)} | {Cell(r.Actor)} | {Cell(r.Method)} | {status} | {scenarios} | {Cell(r.StatusReason)} |");
            }
            Line();
        }
        return sb.ToString();
    }

    public static string Write(RunReport report, string outDir) =>
        ReportFile.Write(Path.Combine(outDir, FileName), Render(report));

    /// <summary>
    /// Makes text safe inside a GFM table cell and keeps it literal: HTML is entity-escaped (a hostile
    /// string must not become markup in a renderer that allows HTML), markdown punctuation is
    /// backslash-escaped, a pipe cannot end the cell, and a line break cannot end the row.
    /// </summary>
    public static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                // An entity, not "\\": in a table row a backslash next to a pipe escape is ambiguous between renderers.
                case '\\': sb.Append("&#92;"); break;
                case '|': sb.Append("\\|"); break;
                case '*' or '_' or '`' or '[' or ']' or '~' or '#' or '!': sb.Append('\\').Append(c); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break;
                case '\r' or '\n': sb.Append("<br>"); break;
                default: sb.Append(char.IsControl(c) ? ' ' : c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Hashes and command lines read best in code spans, but a code span shows backslash escapes literally;
    /// use one only when the text needs no escaping, else fall back to an escaped plain cell.
    /// </summary>
    static string Code(string text) =>
        text.Length > 0 && text.All(c => c is not ('`' or '|' or '<' or '>' or '&' or '\\' or '\r' or '\n') && !char.IsControl(c))
            ? "`" + text + "`" : Cell(text);
}
