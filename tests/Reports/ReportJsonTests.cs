using System.Text.Json;
using EUeConformance.Reports.Model;
using EUeConformance.Reports.Writers;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Reports;

public class ReportJsonTests
{
    [Fact]
    public void Round_trip_is_lossless()
    {
        var report = ReportFixture.Build();
        string json = ReportJsonWriter.ToJson(report);

        var back = ReportJsonReader.Parse(json);

        back.Should().BeEquivalentTo(report, o => o.WithStrictOrdering());
        // Record equality would compare list references; the second serialisation proves every byte survived.
        ReportJsonWriter.ToJson(back).Should().Be(json);
        back.Run.Started.Should().Be(report.Run.Started);
        back.Run.Started.Offset.Should().Be(TimeSpan.FromHours(2));
        back.Scenarios[0].Steps[2].DurationMs.Should().Be(0.1 + 0.2);
        back.Run.ProfileText.Should().Be(ReportFixture.ProfileText);
    }

    [Fact]
    public void Round_trip_through_a_file()
    {
        using var dir = new TempFolder();
        var report = ReportFixture.Build(interrupted: true);

        string path = ReportJsonWriter.Write(report, dir.Path);

        Path.GetFileName(path).Should().Be("report.json");
        ReportJsonReader.Read(path).Should().BeEquivalentTo(report, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Uses_camel_case_wire_verdicts_and_includes_counts()
    {
        using var doc = JsonDocument.Parse(ReportJsonWriter.ToJson(ReportFixture.Build()));
        var root = doc.RootElement;

        root.GetProperty("reportFormat").GetInt32().Should().Be(1);
        root.GetProperty("run").GetProperty("catalogSha256").GetString().Should().StartWith("9f86d0");
        root.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("verdict").GetString())
            .Should().Equal("pass", "fail", "inconclusive", "not-applicable", "error", "fail");

        var req = root.GetProperty("requirementCounts");
        req.GetProperty("pass").GetInt32().Should().Be(2);
        req.GetProperty("fail").GetInt32().Should().Be(2);
        req.GetProperty("inconclusive").GetInt32().Should().Be(1);
        req.GetProperty("not-applicable").GetInt32().Should().Be(1);
        req.GetProperty("error").GetInt32().Should().Be(1);
        req.GetProperty("not-automated").GetInt32().Should().Be(2);
        req.GetProperty("not-run").GetInt32().Should().Be(1);
        req.GetProperty("server-side").GetInt32().Should().Be(1);

        var sc = root.GetProperty("scenarioCounts");
        sc.GetProperty("pass").GetInt32().Should().Be(1);
        sc.GetProperty("fail").GetInt32().Should().Be(2);
        sc.GetProperty("inconclusive").GetInt32().Should().Be(1);
        sc.GetProperty("not-applicable").GetInt32().Should().Be(1);
        sc.GetProperty("error").GetInt32().Should().Be(1);
    }

    [Fact]
    public void Rejects_a_file_that_is_not_a_report()
    {
        var act = () => ReportJsonReader.Parse("{\"run\": {}}");
        act.Should().Throw<InvalidDataException>().WithMessage("*not an EUeConformance report.json*");
    }

    [Fact]
    public void Rejects_another_format_version()
    {
        string json = ReportJsonWriter.ToJson(ReportFixture.Build()).Replace("\"reportFormat\": 1", "\"reportFormat\": 99");
        var act = () => ReportJsonReader.Parse(json);
        act.Should().Throw<InvalidDataException>().WithMessage("*format 99*");
    }

    [Fact]
    public void Rejects_an_unknown_verdict_or_status_and_says_which()
    {
        string json = ReportJsonWriter.ToJson(ReportFixture.Build());

        var badVerdict = () => ReportJsonReader.Parse(json.Replace("\"verdict\": \"error\"", "\"verdict\": \"Error\""));
        badVerdict.Should().Throw<InvalidDataException>().WithMessage("*'Error' is not a verdict*");

        var badStatus = () => ReportJsonReader.Parse(json.Replace("\"status\": \"not-run\"", "\"status\": \"passed-ish\""));
        badStatus.Should().Throw<InvalidDataException>().WithMessage("*EUE-PROV-40*passed-ish*");
    }

    [Fact]
    public void Rejects_a_missing_non_nullable_field()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(ReportJsonWriter.ToJson(ReportFixture.Build()))!;
        node["run"]!.AsObject().Remove("dutName");
        var act = () => ReportJsonReader.Parse(node.ToJsonString());
        act.Should().Throw<InvalidDataException>().WithMessage("*dutName*");
    }

    [Fact]
    public void A_lone_surrogate_does_not_make_the_report_unwritable()
    {
        var report = ReportFixture.Build();
        var s = report.Scenarios[0] with { Reason = "bytes from the DUT: \ud800 end" };
        var odd = report with { Scenarios = [s, .. report.Scenarios.Skip(1)] };

        var back = ReportJsonReader.Parse(ReportJsonWriter.ToJson(odd));

        back.Scenarios[0].Reason.Should().StartWith("bytes from the DUT: ").And.EndWith(" end");
    }
}
