using EUeConformance.Reports.Model;
using EUeConformance.Reports.Writers;

namespace EUeConformance.Reports;

/// <summary>Writes every report of a run into one folder, the manifest last so that it covers everything.</summary>
public static class ReportSet
{
    /// <summary>The exact DUT profile of the run, exported beside the reports.</summary>
    public const string ProfileFileName = "profile.yaml";

    /// <summary>
    /// Writes report.json, junit.xml, traceability.md, index.html, profile.yaml, then manifest.sha256
    /// over every file in <paramref name="outDir"/> (evidence included). Returns the full paths written, in that order.
    /// </summary>
    public static IReadOnlyList<string> WriteAll(RunReport report, string outDir)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(outDir);
        return
        [
            ReportJsonWriter.Write(report, outDir),
            JUnitWriter.Write(report, outDir),
            TraceabilityMarkdownWriter.Write(report, outDir),
            HtmlReportWriter.Write(report, outDir),
            // Written as the UTF-8 bytes of the text the suite read, so its SHA-256 is RunInfo.ProfileSha256.
            ReportFile.Write(Path.Combine(outDir, ProfileFileName), report.Run.ProfileText),
            ManifestWriter.Write(outDir),
        ];
    }
}
