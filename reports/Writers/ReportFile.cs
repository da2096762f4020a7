using System.Text;

namespace EUeConformance.Reports.Writers;

/// <summary>How every report file reaches the disk.</summary>
internal static class ReportFile
{
    /// <summary>
    /// UTF-8 without a byte-order mark: sha256sum, CI parsers and browsers all read it, and the bytes do
    /// not depend on the platform. A lone surrogate becomes U+FFFD rather than making the report unwritable.
    /// </summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// Writes to a temporary file beside the target, then renames it over the target, so that a run
    /// stopped mid-write never leaves a truncated report.json for a later --rerun-failed to choke on.
    /// </summary>
    public static string Write(string path, string text)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temp = full + ".partial";
        File.WriteAllText(temp, text, Utf8);
        File.Move(temp, full, overwrite: true);
        return full;
    }
}
