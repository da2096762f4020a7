using System.Security.Cryptography;
using System.Text;
using EUeConformance.Reports.Model;

namespace EUeConformance.Tests.Reports;

/// <summary>
/// A realistic run: requirements in every status, scenarios with every verdict, and evidence full of
/// strings that try to break each format (script injection, pipes, ampersands, control characters).
/// </summary>
public static class ReportFixture
{
    public const string Hostile = "</script><img src=x onerror=alert(1)>";
    public const string PipeAndAmp = "a | b & c";

    public const string ProfileText =
        "# vendor profile \u2014 <b>not markup</b> & friends\n" +
        "profile-version: 1\n\n" +
        "dut:\n  name: Acme eMTA 3000 \"rev B\"\n  adapter: external\n\n" +
        "ics:\n  ipv4: true\n  ipv6: false\n\n" +
        "ixit:\n  serial-number: ACME|0001\n  note: \"" + Hostile + "\"\n";

    public static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static RunInfo Info(bool interrupted = false) => new(
        Suite: "EUeConformance",
        SuiteVersion: "0.1.0",
        SpecDocument: "PKT-SP-EUE-PROV-I05-100611",
        CatalogPath: "features/catalog/PKT-SP-EUE-PROV-I05.yaml",
        CatalogSha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        CommandLine: "eue-conformance run --dut acme.yaml --tags \"@MUST and not @kerberos\" --out out",
        // Odd offset and sub-millisecond ticks: the JSON round trip must keep both.
        Started: new DateTimeOffset(2026, 11, 21, 22, 5, 7, TimeSpan.FromHours(2)).AddTicks(1234567),
        Finished: new DateTimeOffset(2026, 11, 21, 22, 9, 41, TimeSpan.FromHours(2)).AddTicks(7654321),
        Fabric: "simulation",
        Seed: 42,
        DutName: "Acme eMTA 3000 \"rev B\"",
        ProfilePath: "profiles/acme.yaml",
        ProfileSha256: Sha(ProfileText),
        ProfileText: ProfileText,
        TagExpression: "@MUST and not @kerberos",
        RequirementPattern: null,
        Interrupted: interrupted,
        ExitCode: 2);

    static StepResult Step(string kw, string text, int line, string status, string? msg = null, double ms = 1.5) =>
        new(kw, text, line, status, msg, ms);

    public static IReadOnlyList<ScenarioResult> Scenarios() =>
    [
        new("features/dhcp.feature:10", "eCM gets an IPv4 lease & config file", "eCM DHCP", "features/dhcp.feature", 10,
            ["@MUST", "@dhcp"], ["EUE-PROV-1", "EUE-PROV-2"], Verdict.Pass, null, 1234.6,
            [
                Step("Given", "the DUT is reset", 11, "passed"),
                Step("When", "the eCM sends DHCPDISCOVER", 12, "passed"),
                Step("Then", "option 122 carries the provisioning server", 13, "passed", null, 0.1 + 0.2),
            ],
            [
                new EvidenceItem("step-log", "Step log", "scenarios/001-ecm-gets-an-ipv4-lease/steps.log", null),
                new EvidenceItem("pcap", "Capture", "scenarios/001-ecm-gets-an-ipv4-lease/capture.pcap", null),
            ]),
        new("features/dhcp.feature:20", "eUE option 43 | sub-option 2", "eCM DHCP", "features/dhcp.feature", 20,
            ["@MUST"], ["EUE-PROV-3"], Verdict.Fail, "expected sub-option 2 = \"EDVA\", saw \"" + Hostile + "\"\nsecond line", 812,
            [
                Step("Given", "the DUT is reset", 21, "passed"),
                Step("Then", "sub-option 2 reads \"EDVA\"", 22, "failed", "expected: EDVA\nseen:     " + Hostile + " \u0001 " + PipeAndAmp),
            ],
            [
                new EvidenceItem("expected-seen", "Option 43 sub-option 2", null, "expected: EDVA | seen: " + Hostile + " & more"),
                new EvidenceItem("step-log", "Step log", "scenarios/002-eue-option-43/steps.log", null),
            ]),
        new("features/config.feature:5", "Config file over TFTP", "Configuration", "features/config.feature", 5,
            ["@MUST", "@tftp"], ["EUE-PROV-10"], Verdict.Inconclusive, "interrupted by the operator before this scenario started", 0,
            [Step("Given", "the DUT is reset", 6, "skipped", null, 0)], []),
        new("features/config.feature:30", "Config file over HTTP", "Configuration", "features/config.feature", 30,
            ["@SHOULD"], ["EUE-PROV-11"], Verdict.NotApplicable, "applies when http-config; the profile answers http-config: false", 0,
            [Step("Given", "the DUT is reset", 31, "skipped", null, 0)], []),
        new("features/config.feature:44 (example 2: «ipv6»)", "Harness error path", "Configuration", "features/config.feature", 44,
            ["@MUST"], ["EUE-PROV-12"], Verdict.Error, "binding threw NullReferenceException", 3.25,
            [Step("When", "the harness breaks", 45, "error", "System.NullReferenceException: at Steps.Config.Load()\n   at ...")],
            [new EvidenceItem("declaration", "Quoted from the profile", null, "ixit.note: " + Hostile)]),
        new("features/syslog.feature:8", "Syslog messages reach the server", "Syslog", "features/syslog.feature", 8,
            ["@MUST"], ["EUE-PROV-20"], Verdict.Fail, "no syslog message within 30 s", 30000,
            [Step("Then", "a syslog message arrives", 9, "failed", "timed out after 30 s")],
            [new EvidenceItem("events", "Events", "scenarios/006-syslog/events.jsonl", null)]),
    ];

    static RequirementResult Req(string id, string section, string keyword, string actor, string method, string status, string reason,
        params string[] scenarios) =>
        new(id, section, section + ", Table 3, item " + id[^1], keyword, actor, method,
            "The " + actor + " " + keyword + " do something for " + id + ".", "ipv4", [], null, status, reason, scenarios);

    public static IReadOnlyList<RequirementResult> Requirements() =>
    [
        // Deliberately out of order: the writers must sort naturally (5 < 6.1 < 6.1.1 < 6.2 < 6.10 < A.1).
        Req("EUE-PROV-20", "A.1", "MUST", "eUE", "test", RequirementStatus.Fail, "features/syslog.feature:8: no syslog message within 30 s", "features/syslog.feature:8"),
        Req("EUE-PROV-10", "6.10", "MUST", "eUE", "test", RequirementStatus.Inconclusive, "features/config.feature:5: interrupted", "features/config.feature:5"),
        Req("EUE-PROV-2", "5", "MUST", "eCM", "test", RequirementStatus.Pass, "1 scenario(s) passed", "features/dhcp.feature:10"),
        Req("EUE-PROV-1", "5", "MUST", "eCM", "test", RequirementStatus.Pass, "1 scenario(s) passed", "features/dhcp.feature:10"),
        Req("EUE-PROV-3", "6.1", "MUST NOT", "eUE", "test", RequirementStatus.Fail, "features/dhcp.feature:20: expected | seen " + Hostile, "features/dhcp.feature:20"),
        Req("EUE-PROV-11", "6.1.1", "SHOULD", "eUE", "test", RequirementStatus.NotApplicable, "applies when http-config; the profile answers http-config: false", "features/config.feature:30"),
        Req("EUE-PROV-12", "6.2", "MUST", "eUE", "test", RequirementStatus.Error, "features/config.feature:44 (example 2: «ipv6»): binding threw", "features/config.feature:44 (example 2: «ipv6»)"),
        Req("EUE-PROV-30", "6.2", "MAY", "E-UE", "inspection", RequirementStatus.NotAutomated, "needs an operator's inspection; no scenario prompts for it yet"),
        Req("EUE-PROV-31", "6.10", "SHOULD", "eUE", "declaration", RequirementStatus.NotAutomated, "answered by declaration 'battery'; no scenario reads it yet"),
        Req("EUE-PROV-40", "6.1", "MUST", "eUE", "test", RequirementStatus.NotRun, "1 scenario(s) cite it, none was selected in this run", "features/kerberos.feature:3"),
        Req("EUE-PROV-50", "A.1", "MUST", "Provisioning Server", "server-side", RequirementStatus.ServerSide, "an obligation on the Provisioning Server: verified by the server-side suite, not against the DUT"),
    ];

    public static RunReport Build(bool interrupted = false) => new(Info(interrupted), Requirements(), Scenarios());

    /// <summary>A report of the given size, for timing the writers on a full catalog.</summary>
    public static RunReport Large(int requirements, int scenarios)
    {
        var verdicts = Enum.GetValues<Verdict>();
        var sc = Enumerable.Range(1, scenarios).Select(i => new ScenarioResult(
            $"features/f{i % 12}.feature:{i}", $"Scenario {i} & friends", $"Feature {i % 12}", $"features/f{i % 12}.feature", i,
            ["@MUST"], [$"EUE-PROV-{i}", $"EUE-PROV-{i + scenarios}"], verdicts[i % verdicts.Length], i % 5 == 0 ? null : "reason " + Hostile, i * 10.5,
            Enumerable.Range(1, 8).Select(k => new StepResult("Given", $"step {k} of {i}", i + k, "passed", k == 8 ? "message " + PipeAndAmp : null, k)).ToList(),
            [new EvidenceItem("text", "Seen", null, new string('x', 2000) + Hostile), new EvidenceItem("pcap", "Capture", $"scenarios/{i:000}/capture.pcap", null)]))
            .ToList();
        var statuses = RequirementStatus.All;
        var rq = Enumerable.Range(1, requirements).Select(i => new RequirementResult(
            $"EUE-PROV-{i}", $"{5 + i % 3}.{i % 11}", $"{5 + i % 3}.{i % 11}, Table {i % 7}", i % 2 == 0 ? "MUST" : "SHOULD", "eUE", "test",
            $"Summary of requirement {i} | with a pipe", "ipv4 and not battery-backup", [], i % 4 == 0 ? "note" : null,
            statuses[i % statuses.Count], "reason " + i, i <= scenarios * 2 ? [sc[(i - 1) % scenarios].Id] : []))
            .ToList();
        return new RunReport(Info(), rq, sc);
    }
}
