using System.Security.Cryptography;
using System.Text;

namespace EUeConformance.Reports.Writers;

/// <summary>
/// manifest.sha256: the SHA-256 of every file of the output folder, in the format of GNU sha256sum,
/// so that anyone can check that reports and evidence are unaltered with `sha256sum -c manifest.sha256`
/// run inside that folder.
/// </summary>
public static class ManifestWriter
{
    public const string FileName = "manifest.sha256";

    /// <summary>One manifest line: a file's path relative to the output folder (with '/') and its lower-case hex SHA-256.</summary>
    public sealed record Entry(string RelativePath, string Sha256);

    /// <summary>Hashes every file under <paramref name="outDir"/>, recursively, dot-files included, the manifest excluded, sorted by path.</summary>
    public static IReadOnlyList<Entry> Compute(string outDir)
    {
        string root = Path.GetFullPath(outDir);
        // AttributesToSkip = 0: on Linux, .NET treats dot-files as hidden and would otherwise leave them unhashed.
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        return Directory.EnumerateFiles(root, "*", options)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(rel => rel != FileName)
            // Ordinal: the same order on every machine, whatever its culture.
            .OrderBy(rel => rel, StringComparer.Ordinal)
            .Select(rel => new Entry(rel, Hash(Path.Combine(root, rel))))
            .ToList();
    }

    public static string Render(IEnumerable<Entry> entries)
    {
        var sb = new StringBuilder();
        foreach (var e in entries) sb.Append(Line(e)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Writes <see cref="FileName"/> into <paramref name="outDir"/>; call it last, after every other file is in place.</summary>
    public static string Write(string outDir) =>
        ReportFile.Write(Path.Combine(outDir, FileName), Render(Compute(outDir)));

    /// <summary>
    /// sha256sum's text format: hash, two spaces, path. A path holding a backslash or a newline is
    /// escaped the way sha256sum escapes it (the line then starts with a backslash), so -c still reads it.
    /// </summary>
    static string Line(Entry e)
    {
        if (!e.RelativePath.Contains('\\') && !e.RelativePath.Contains('\n'))
            return $"{e.Sha256}  {e.RelativePath}";
        return $"\\{e.Sha256}  {e.RelativePath.Replace("\\", "\\\\").Replace("\n", "\\n")}";
    }

    static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
