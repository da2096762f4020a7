using System.Xml.Linq;
using EUeConformance.Reports.Writers;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Reports;

public class JUnitWriterTests
{
    static XDocument Parse(string xml) => XDocument.Parse(xml);

    static string Attr(XElement e, string name) => e.Attribute(name)?.Value ?? throw new InvalidOperationException($"no {name} on {e.Name}");

    [Fact]
    public void Root_counts_match_the_verdicts()
    {
        var root = Parse(JUnitWriter.Render(ReportFixture.Build())).Root!;

        root.Name.LocalName.Should().Be("testsuites");
        Attr(root, "tests").Should().Be("6");
        Attr(root, "failures").Should().Be("2");
        Attr(root, "errors").Should().Be("1");
        Attr(root, "skipped").Should().Be("2");
        Attr(root, "time").Should().Be("32.050");
        Attr(root, "name").Should().Be("EUeConformance 0.1.0");
    }

    [Fact]
    public void One_suite_per_feature_one_case_per_scenario()
    {
        var suites = Parse(JUnitWriter.Render(ReportFixture.Build())).Root!.Elements("testsuite").ToList();

        suites.Select(s => Attr(s, "name")).Should().Equal("eCM DHCP", "Configuration", "Syslog");
        suites.Select(s => Attr(s, "tests")).Should().Equal("2", "3", "1");
        suites.Select(s => Attr(s, "failures")).Should().Equal("1", "0", "1");
        suites.Select(s => Attr(s, "errors")).Should().Equal("0", "1", "0");
        suites.Select(s => Attr(s, "skipped")).Should().Equal("0", "2", "0");
        Attr(suites[0], "timestamp").Should().Be("2026-11-21T20:05:07");

        var dhcp = suites[0].Elements("testcase").ToList();
        dhcp.Select(c => Attr(c, "classname")).Should().Equal("eCM DHCP", "eCM DHCP");
        dhcp.Select(c => Attr(c, "name")).Should().Equal("eCM gets an IPv4 lease & config file", "eUE option 43 | sub-option 2");
        Attr(dhcp[0], "time").Should().Be("1.235");
        dhcp[0].Elements("failure").Should().BeEmpty();
        dhcp[0].Elements("skipped").Should().BeEmpty();
    }

    [Fact]
    public void Verdicts_map_to_failure_error_and_skipped_with_reasons()
    {
        var cases = Parse(JUnitWriter.Render(ReportFixture.Build())).Descendants("testcase").ToDictionary(c => Attr(c, "name"));

        var fail = cases["eUE option 43 | sub-option 2"].Element("failure")!;
        Attr(fail, "message").Should().Be("expected sub-option 2 = \"EDVA\", saw \"" + ReportFixture.Hostile + "\"");
        fail.Value.Should().Contain("second line").And.Contain("failed: Then sub-option 2 reads \"EDVA\" (line 22)");
        // XML cannot carry U+0001 even escaped: it is shown as text instead of breaking the file.
        fail.Value.Should().Contain("\\u0001");

        var error = cases["Harness error path"].Element("error")!;
        Attr(error, "message").Should().Be("binding threw NullReferenceException");
        error.Value.Should().Contain("System.NullReferenceException");

        Attr(cases["Config file over HTTP"].Element("skipped")!, "message")
            .Should().Be("not applicable: applies when http-config; the profile answers http-config: false");
        Attr(cases["Config file over TFTP"].Element("skipped")!, "message")
            .Should().Be("inconclusive: interrupted by the operator before this scenario started");
        cases["Config file over TFTP"].Element("failure").Should().BeNull();
    }

    [Fact]
    public void Requirement_ids_are_testcase_properties()
    {
        var cases = Parse(JUnitWriter.Render(ReportFixture.Build())).Descendants("testcase").ToDictionary(c => Attr(c, "name"));

        static IEnumerable<string> Reqs(XElement c) => c.Element("properties")!.Elements("property")
            .Where(p => p.Attribute("name")!.Value == "requirement").Select(p => p.Attribute("value")!.Value);

        Reqs(cases["eCM gets an IPv4 lease & config file"]).Should().Equal("EUE-PROV-1", "EUE-PROV-2");
        Reqs(cases["Syslog messages reach the server"]).Should().Equal("EUE-PROV-20");
    }

    [Fact]
    public void Suite_properties_carry_the_run_identity()
    {
        var suite = Parse(JUnitWriter.Render(ReportFixture.Build())).Root!.Elements("testsuite").First();
        var props = suite.Element("properties")!.Elements("property").ToDictionary(p => Attr(p, "name"), p => Attr(p, "value"));

        props["suite-version"].Should().Be("0.1.0");
        props["catalog-sha256"].Should().Be("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        props["dut"].Should().Be("Acme eMTA 3000 \"rev B\"");
        props["profile-sha256"].Should().Be(ReportFixture.Sha(ReportFixture.ProfileText));
        props["command-line"].Should().Be("eue-conformance run --dut acme.yaml --tags \"@MUST and not @kerberos\" --out out");
        props["seed"].Should().Be("42");
        props["interrupted"].Should().Be("false");
        props.Should().NotContainKey("requirement-pattern", "an absent value is left out, not written empty");
    }

    [Fact]
    public void System_out_carries_the_step_log()
    {
        var cases = Parse(JUnitWriter.Render(ReportFixture.Build())).Descendants("testcase").ToDictionary(c => Attr(c, "name"));

        string log = cases["eUE option 43 | sub-option 2"].Element("system-out")!.Value;
        log.Should().Contain("verdict:  fail");
        log.Should().Contain("failed        Then sub-option 2 reads \"EDVA\"  (line 22, 1.5 ms)");
        log.Should().Contain("expected-seen: Option 43 sub-option 2");
    }

    [Fact]
    public void Write_uses_the_steps_log_in_the_output_folder_and_never_reads_outside_it()
    {
        using var dir = new TempFolder();
        var report = ReportFixture.Build();
        string logDir = Path.Combine(dir.Path, "scenarios", "001-ecm-gets-an-ipv4-lease");
        Directory.CreateDirectory(logDir);
        File.WriteAllText(Path.Combine(logDir, "steps.log"), "full harness log: DHCPDISCOVER -> DHCPOFFER\n");
        var escaping = report.Scenarios[1] with
        {
            Evidence = [new EUeConformance.Reports.Model.EvidenceItem("step-log", "Step log", "../../../../../../etc/passwd", null)],
        };
        report = report with { Scenarios = [report.Scenarios[0], escaping, .. report.Scenarios.Skip(2)] };

        string path = JUnitWriter.Write(report, dir.Path);

        var cases = XDocument.Load(path).Descendants("testcase").ToList();
        cases[0].Element("system-out")!.Value.Should().Be("full harness log: DHCPDISCOVER -> DHCPOFFER\n");
        cases[1].Element("system-out")!.Value.Should().StartWith("scenario: eUE option 43").And.NotContain("root:");
    }

    [Fact]
    public void An_empty_run_is_still_a_valid_document()
    {
        var empty = ReportFixture.Build() with { Scenarios = [] };
        var root = Parse(JUnitWriter.Render(empty)).Root!;
        Attr(root, "tests").Should().Be("0");
        root.Elements("testsuite").Should().BeEmpty();
    }
}
