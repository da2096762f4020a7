using System.Text.RegularExpressions;
using EUeConformance.Reports.Writers;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Reports;

public class TraceabilityMarkdownWriterTests
{
    static readonly string Md = TraceabilityMarkdownWriter.Render(ReportFixture.Build());

    static List<string> RequirementRows(string md) =>
        md.Split('\n').Where(l => l.StartsWith("| EUE-PROV-", StringComparison.Ordinal)).ToList();

    /// <summary>Splits a GFM table row on the pipes that are not escaped.</summary>
    static string[] Cells(string row) =>
        Regex.Split(row.Trim().Trim('|'), @"(?<!\\)\|").Select(c => c.Trim()).ToArray();

    [Fact]
    public void One_row_per_requirement_each_with_seven_cells()
    {
        var rows = RequirementRows(Md);

        rows.Should().HaveCount(ReportFixture.Requirements().Count);
        rows.Select(r => Cells(r).Length).Should().AllBeEquivalentTo(7, "an escaped pipe in the data must not add a column");
    }

    [Fact]
    public void Not_automated_reads_as_such_never_as_a_pass()
    {
        var row = RequirementRows(Md).Single(r => r.StartsWith("| EUE-PROV-30 ", StringComparison.Ordinal));
        Cells(row)[4].Should().Be("not automated");
        Cells(RequirementRows(Md).Single(r => r.StartsWith("| EUE-PROV-31 ", StringComparison.Ordinal)))[4].Should().Be("not automated");
        Md.Should().Contain("| not automated | 2 |");
        Cells(RequirementRows(Md).Single(r => r.StartsWith("| EUE-PROV-20 ", StringComparison.Ordinal)))[4].Should().Be("**FAIL**");
    }

    [Fact]
    public void Sections_in_natural_order_rows_sorted_within()
    {
        var headings = Md.Split('\n').Where(l => l.StartsWith("## Section ", StringComparison.Ordinal)).ToList();
        headings.Should().Equal("## Section 5", "## Section 6.1", "## Section 6.1.1", "## Section 6.2", "## Section 6.10", "## Section A.1");

        RequirementRows(Md).Select(r => Cells(r)[0]).Should().Equal(
            "EUE-PROV-1", "EUE-PROV-2", "EUE-PROV-3", "EUE-PROV-40", "EUE-PROV-11", "EUE-PROV-12", "EUE-PROV-30",
            "EUE-PROV-10", "EUE-PROV-31", "EUE-PROV-20", "EUE-PROV-50");
    }

    [Fact]
    public void Header_has_the_run_identity()
    {
        Md.Should().Contain("| Catalog SHA-256 | `9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08` |");
        Md.Should().Contain("| Profile SHA-256 | `" + ReportFixture.Sha(ReportFixture.ProfileText) + "` |");
        Md.Should().Contain("| DUT | Acme eMTA 3000 \"rev B\" |");
        Md.Should().Contain("| Command line | `eue-conformance run --dut acme.yaml --tags \"@MUST and not @kerberos\" --out out` |");
        Md.Should().Contain("| Fabric | simulation |");
        Md.Should().Contain("| Seed | 42 |");
        Md.Should().Contain("| Interrupted | no |");
        Md.Should().NotContain("This run was interrupted");
        TraceabilityMarkdownWriter.Render(ReportFixture.Build(interrupted: true)).Should()
            .Contain("**This run was interrupted.**").And.Contain("| Interrupted | **yes** |");
    }

    [Fact]
    public void Hostile_text_is_escaped_and_scenarios_show_their_verdicts()
    {
        var row = RequirementRows(Md).Single(r => r.StartsWith("| EUE-PROV-3 ", StringComparison.Ordinal));
        row.Should().Contain("expected \\| seen &lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
        Md.Should().NotContain("<img").And.NotContain("</script");
        Cells(row)[5].Should().Be("features/dhcp.feature:20 (fail)");
        Cells(RequirementRows(Md).Single(r => r.StartsWith("| EUE-PROV-40 ", StringComparison.Ordinal)))[5]
            .Should().Be("features/kerberos.feature:3 (not in this run)");
    }

    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("x & <y>", "x &amp; &lt;y&gt;")]
    [InlineData("line1\r\nline2\nline3", "line1<br>line2<br>line3")]
    [InlineData("back\\slash|", "back&#92;slash\\|")]
    [InlineData("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`")]
    public void Cell_escaping(string input, string expected) =>
        TraceabilityMarkdownWriter.Cell(input).Should().Be(expected);
}
