using System.Diagnostics;
using System.Security.Cryptography;
using EUeConformance.Reports;
using EUeConformance.Reports.Writers;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Reports;

public class ManifestWriterTests
{
    static void Evidence(string root, string relative, string content)
    {
        string full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    [Fact]
    public void Every_line_verifies_and_every_file_is_listed()
    {
        using var dir = new TempFolder();
        Evidence(dir.Path, "scenarios/001-ecm/steps.log", "log\n");
        Evidence(dir.Path, "scenarios/001-ecm/capture.pcap", "\u00d4\u00c3\u00b2\u00a1 not really a pcap");
        Evidence(dir.Path, ".hidden/dot.txt", "dot-files count too");
        Evidence(dir.Path, "with space & pipe|.txt", "odd name");

        ReportSet.WriteAll(ReportFixture.Build(), dir.Path);

        var lines = File.ReadAllText(Path.Combine(dir.Path, "manifest.sha256")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var listed = new List<string>();
        foreach (var line in lines)
        {
            line.Should().MatchRegex("^[0-9a-f]{64}  .+$");
            string hex = line[..64], rel = line[66..];
            using var f = File.OpenRead(Path.Combine(dir.Path, rel));
            Convert.ToHexStringLower(SHA256.HashData(f)).Should().Be(hex, $"the manifest's hash of {rel}");
            listed.Add(rel);
        }

        listed.Should().BeInAscendingOrder(StringComparer.Ordinal);
        listed.Should().NotContain("manifest.sha256");
        var onDisk = Directory.EnumerateFiles(dir.Path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(dir.Path, f).Replace('\\', '/')).Where(f => f != "manifest.sha256");
        listed.Should().BeEquivalentTo(onDisk);
        listed.Should().Contain([".hidden/dot.txt", "scenarios/001-ecm/steps.log", "index.html", "report.json", "junit.xml",
            "traceability.md", "profile.yaml", "with space & pipe|.txt"]);
    }

    [Fact]
    public void Sha256sum_check_passes_inside_the_folder()
    {
        using var dir = new TempFolder();
        Evidence(dir.Path, "scenarios/002/events.jsonl", "{}\n");
        // sha256sum escapes these names in its own way; -c must still read them back.
        Evidence(dir.Path, "odd\\back slash.txt", "b");
        Evidence(dir.Path, "new\nline.txt", "n");
        ReportSet.WriteAll(ReportFixture.Build(), dir.Path);

        var psi = new ProcessStartInfo("sha256sum", "--strict -c manifest.sha256")
        {
            WorkingDirectory = dir.Path, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();

        p.ExitCode.Should().Be(0, output);
        output.Should().Contain("report.json: OK").And.Contain("scenarios/002/events.jsonl: OK").And.Contain("back slash.txt: OK");
    }

    [Fact]
    public void A_changed_file_no_longer_matches()
    {
        using var dir = new TempFolder();
        ReportSet.WriteAll(ReportFixture.Build(), dir.Path);
        var before = ManifestWriter.Compute(dir.Path).Single(e => e.RelativePath == "traceability.md");

        File.AppendAllText(Path.Combine(dir.Path, "traceability.md"), "| EUE-PROV-99 | MUST | eUE | test | pass | | forged |\n");

        ManifestWriter.Compute(dir.Path).Single(e => e.RelativePath == "traceability.md").Sha256.Should().NotBe(before.Sha256);
    }
}
