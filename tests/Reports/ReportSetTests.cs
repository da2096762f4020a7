using System.Diagnostics;
using System.Security.Cryptography;
using EUeConformance.Reports;
using EUeConformance.Reports.Writers;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace EUeConformance.Tests.Reports;

public class ReportSetTests(ITestOutputHelper output)
{
    [Fact]
    public void Writes_every_report_then_the_manifest_last()
    {
        using var dir = new TempFolder();

        var written = ReportSet.WriteAll(ReportFixture.Build(), dir.Path);

        written.Select(Path.GetFileName).Should().Equal("report.json", "junit.xml", "traceability.md", "index.html", "profile.yaml", "manifest.sha256");
        written.Should().OnlyContain(p => Path.IsPathRooted(p) && File.Exists(p));
        Directory.EnumerateFiles(dir.Path, "*.partial", SearchOption.AllDirectories).Should().BeEmpty("no temporary file may be left behind");
        File.ReadAllText(written[5]).Should().Contain("  profile.yaml\n").And.Contain("  index.html\n");
    }

    [Fact]
    public void Profile_yaml_is_the_exact_profile_of_the_run()
    {
        using var dir = new TempFolder();
        var report = ReportFixture.Build();

        ReportSet.WriteAll(report, dir.Path);

        byte[] bytes = File.ReadAllBytes(Path.Combine(dir.Path, "profile.yaml"));
        bytes.Should().Equal(System.Text.Encoding.UTF8.GetBytes(ReportFixture.ProfileText), "no BOM, no newline conversion");
        Convert.ToHexStringLower(SHA256.HashData(bytes)).Should().Be(report.Run.ProfileSha256);
    }

    [Fact]
    public void Same_report_same_bytes()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();

        ReportSet.WriteAll(ReportFixture.Build(), a.Path);
        ReportSet.WriteAll(ReportFixture.Build(), b.Path);

        File.ReadAllText(Path.Combine(a.Path, "manifest.sha256")).Should().Be(File.ReadAllText(Path.Combine(b.Path, "manifest.sha256")));
    }

    [Fact]
    public void Rewriting_into_the_same_folder_replaces_the_reports()
    {
        using var dir = new TempFolder();
        ReportSet.WriteAll(ReportFixture.Build(), dir.Path);
        ReportSet.WriteAll(ReportFixture.Build(interrupted: true), dir.Path);

        ReportJsonReader.Read(Path.Combine(dir.Path, "report.json")).Run.Interrupted.Should().BeTrue();
        ManifestWriter.Compute(dir.Path).Should().HaveCount(5);
    }

    [Fact]
    public void Full_catalog_sized_report_is_written_quickly()
    {
        var report = ReportFixture.Large(requirements: 300, scenarios: 100);
        var times = new List<double>();
        for (int i = 0; i < 3; i++)
        {
            using var dir = new TempFolder();
            var sw = Stopwatch.StartNew();
            ReportSet.WriteAll(report, dir.Path);
            times.Add(sw.Elapsed.TotalMilliseconds);
            if (i == 0)
                output.WriteLine("sizes: " + string.Join(", ", Directory.GetFiles(dir.Path).Order().Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length / 1024} KiB")));
        }
        output.WriteLine($"WriteAll, 300 requirements / 100 scenarios: first {times[0]:0} ms (includes JIT), then {times[1]:0} ms, {times[2]:0} ms");
        // Generous bound for a 2-core CI machine: this guards against an accidental quadratic, not for speed.
        times.Min().Should().BeLessThan(5000);
    }
}
