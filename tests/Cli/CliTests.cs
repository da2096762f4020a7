using System.Text.Json;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Cli;

/// <summary>The CLI end to end, in-process: what a user types and what comes back.</summary>
[Collection("cli")] // the CLI resolves default paths from the current directory; keep these tests apart
public class CliTests
{
    static Task<(int Code, string Out, string Err)> Cli(params string[] args) => CliHarness.Run(args);

    [SpecFact]
    public async Task Catalog_check_against_the_spec_reports_zero_unaccounted_keywords()
    {
        var (code, output, _) = await Cli("catalog", "--check", Repo.SpecText!);
        output.Should().Contain("0 unaccounted, 0 stale, 0 mismatched");
        code.Should().Be(0);
    }

    [Fact]
    public async Task A_run_against_the_reference_device_writes_all_reports_and_exits_0()
    {
        string outDir = Repo.TempDir();
        var (code, output, error) = await Cli("run", "--dut", "simulated", "--out", outDir);
        code.Should().Be(0, output + error);
        foreach (var f in new[] { "report.json", "junit.xml", "traceability.md", "index.html", "manifest.sha256", "profile.yaml" })
            File.Exists(Path.Combine(outDir, f)).Should().BeTrue(f);
        output.Should().Contain("plan: ");
    }

    [Fact]
    public async Task Every_report_carries_the_suite_version_the_catalog_hash_the_profile_and_the_command_line()
    {
        string outDir = Repo.TempDir();
        await Cli("run", "--dut", "simulated", "--out", outDir);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));
        var run = json.RootElement.GetProperty("run");
        string catalogSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Repo.Catalog)));
        run.GetProperty("catalogSha256").GetString().Should().Be(catalogSha);
        run.GetProperty("suiteVersion").GetString().Should().NotBeNullOrEmpty();
        run.GetProperty("commandLine").GetString().Should().Contain("run --dut simulated");
        run.GetProperty("profileText").GetString().Should().Be(File.ReadAllText(Repo.ReferenceProfile));
        foreach (var f in new[] { "junit.xml", "traceability.md", "index.html" })
            File.ReadAllText(Path.Combine(outDir, f)).Should().Contain(catalogSha, f);
    }

    [Fact]
    public async Task Requirements_nothing_verified_are_reported_as_not_automated_never_as_passed()
    {
        string outDir = Repo.TempDir();
        await Cli("run", "--dut", "simulated", "--out", outDir);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));
        var requirements = json.RootElement.GetProperty("requirements").EnumerateArray().ToList();
        var passed = requirements.Where(r => r.GetProperty("status").GetString() == "pass").ToList();
        passed.Should().OnlyContain(r => r.GetProperty("scenarioIds").GetArrayLength() > 0);
        requirements.Should().Contain(r => r.GetProperty("status").GetString() == "not-automated");
    }

    [Fact]
    public async Task A_profile_with_a_wrong_key_stops_the_run_with_exit_2_and_file_line_fix()
    {
        string dir = Repo.TempDir();
        string profile = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(profile, File.ReadAllText(Repo.ReferenceProfile).Replace("  ipv4: true", "  ipv4: true\n  ipv5: true"));
        var (code, _, error) = await Cli("run", "--dut", profile, "--out", Path.Combine(dir, "out"));
        code.Should().Be(2);
        error.Should().Contain($"{profile}:").And.Contain("unknown key 'ipv5'").And.Contain("fix:");
    }

    [Fact]
    public async Task A_stopped_run_still_writes_the_report_with_every_scenario_inconclusive()
    {
        string outDir = Repo.TempDir();
        var (code, _, _) = await CliHarness.Run(["run", "--dut", "simulated", "--out", outDir], new CancellationToken(canceled: true));
        code.Should().Be(130);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));
        json.RootElement.GetProperty("run").GetProperty("interrupted").GetBoolean().Should().BeTrue();
        // Not-applicable scenarios stay not-applicable: that was decided before anything ran.
        json.RootElement.GetProperty("scenarios").EnumerateArray()
            .Should().OnlyContain(s => s.GetProperty("verdict").GetString() == "inconclusive" || s.GetProperty("verdict").GetString() == "not-applicable")
            .And.Contain(s => s.GetProperty("reason").GetString()!.Contains("interrupted by the operator"));
    }

    [Fact]
    public async Task A_failing_declaration_fails_the_run_with_exit_1_and_rerun_failed_repeats_only_it()
    {
        string dir = Repo.TempDir();
        string profile = Path.Combine(dir, "no-monolith.yaml");
        string reference = File.ReadAllText(Repo.ReferenceProfile);
        File.WriteAllText(profile, System.Text.RegularExpressions.Regex.Replace(reference,
            @"(monolithic-software-image:\s*\{\s*answer:\s*)yes", "${1}no"));
        var (code, output, _) = await Cli("run", "--dut", profile, "--out", Path.Combine(dir, "first"));
        code.Should().Be(1, output);
        output.Should().Contain("fail   EUE-PROV-6.2.1-0");

        using var first = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "first", "report.json")));
        var failed = first.RootElement.GetProperty("scenarios").EnumerateArray()
            .Where(s => s.GetProperty("verdict").GetString() is "fail" or "error" or "inconclusive").Select(s => s.GetProperty("id").GetString()).ToList();
        failed.Should().Contain(id => id!.StartsWith("features/declarations.feature:"));
        var (code2, output2, _) = await Cli("run", "--dut", profile, "--out", Path.Combine(dir, "second"), "--rerun-failed", Path.Combine(dir, "first", "report.json"));
        code2.Should().Be(1);
        output2.Should().Contain($"plan: {failed.Count} scenario(s) selected");
    }

    [Fact]
    public async Task Fail_fast_marks_what_follows_the_first_failure_inconclusive()
    {
        string dir = Repo.TempDir();
        string profile = Path.Combine(dir, "all-no.yaml");
        File.WriteAllText(profile, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Repo.ReferenceProfile), @"answer:\s*yes", "answer: no"));
        var (code, output, _) = await Cli("run", "--dut", profile, "--out", Path.Combine(dir, "out"), "--fail-fast");
        code.Should().Be(1);
        output.Should().Contain("--fail-fast stopped the run");
    }

    [Fact]
    public async Task One_scenario_can_be_run_by_file_and_line()
    {
        var (_, list, _) = await Cli("list", "--dut", "simulated");
        string first = list.Split('\n').First(l => l.StartsWith("run ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var (code, output, _) = await Cli("run", "--dut", "simulated", "--out", Repo.TempDir(), first);
        code.Should().Be(0);
        output.Should().Contain("plan: 1 scenario(s) selected");
    }

    [Fact]
    public async Task Profile_init_writes_a_template_that_profile_check_accepts()
    {
        string path = Path.Combine(Repo.TempDir(), "mine.yaml");
        (await Cli("profile", "init", "--out", path)).Code.Should().Be(0);
        var (code, output, error) = await Cli("profile", "check", path);
        code.Should().Be(0, error);
        output.Should().Contain(": ok");
    }

    [Fact]
    public async Task Profile_export_gives_back_the_exact_profile_a_run_used()
    {
        string dir = Repo.TempDir();
        await Cli("run", "--dut", "simulated", "--out", dir);
        string exported = Path.Combine(dir, "exported.yaml");
        (await Cli("profile", "export", Path.Combine(dir, "report.json"), "--out", exported)).Code.Should().Be(0);
        File.ReadAllText(exported).Should().Be(File.ReadAllText(Repo.ReferenceProfile));
    }

    [Fact]
    public async Task An_unknown_option_is_an_input_error_with_exit_2()
    {
        (await Cli("run", "--dut", "simulated", "--colour", "blue")).Code.Should().Be(2);
    }

    [Fact]
    public async Task An_unknown_fabric_is_refused_with_the_ones_there_are()
    {
        var (code, _, error) = await Cli("run", "--dut", "simulated", "--fabric", "wifi", "--out", Repo.TempDir());
        code.Should().Be(2);
        error.Should().Contain("unknown fabric 'wifi'").And.Contain("simulation, loopback, netns, interface");
    }

    [Fact]
    public async Task The_interface_fabric_without_a_headend_NIC_in_the_profile_says_which_setting_is_missing()
    {
        var (code, output, error) = await Cli("run", "--dut", "simulated", "--fabric", "interface", "--name", "block size of 1428", "--out", Repo.TempDir(), "--plain");
        code.Should().NotBe(0);
        (output + error).Should().Contain("ixit.headend-interface");
    }
}

/// <summary>Inputs that are not what they claim to be are refused with the file named.</summary>
[Collection("cli")]
public class CliInputTests
{
    [Fact]
    public async Task A_rerun_from_a_file_that_is_not_a_report_is_an_input_error()
    {
        string bogus = Path.Combine(Repo.TempDir(), "report.json");
        File.WriteAllText(bogus, "{\"hello\": 1}");
        var (code, _, error) = await CliHarness.Run(["run", "--dut", "simulated", "--out", Repo.TempDir(), "--rerun-failed", bogus]);
        code.Should().Be(2);
        error.Should().Contain(bogus).And.Contain("not a report.json");
    }

    [Fact]
    public async Task A_second_run_into_the_same_folder_leaves_no_evidence_of_the_first_in_the_manifest()
    {
        string outDir = Repo.TempDir();
        Directory.CreateDirectory(Path.Combine(outDir, "scenarios", "999-stale"));
        File.WriteAllText(Path.Combine(outDir, "scenarios", "999-stale", "steps.log"), "old");
        (await CliHarness.Run(["run", "--dut", "simulated", "--out", outDir])).Code.Should().Be(0);
        // The run's own scenario folders are listed (a not-applicable scenario, e.g. the first feature's, has none).
        File.ReadAllText(Path.Combine(outDir, "manifest.sha256")).Should().NotContain("999-stale").And.MatchRegex(@"scenarios/\d{3}-[a-z0-9-]+/steps\.log");
    }
}

[Collection("cli")]
public class CliTagTests
{
    [Fact]
    public async Task A_tag_expression_starting_with_at_is_a_tag_not_a_response_file()
    {
        var (code, output, error) = await CliHarness.Run(["list", "--dut", "simulated", "--tags", "@MAY"]);
        code.Should().Be(0, error);
        // Read as a tag, "@MAY" selects the MAY scenarios: some, but not all (the count grows with the features).
        var plan = System.Text.RegularExpressions.Regex.Match(output, @"plan: (\d+) scenario\(s\) selected of (\d+)");
        plan.Success.Should().BeTrue(output);
        int.Parse(plan.Groups[1].Value).Should().BeInRange(1, int.Parse(plan.Groups[2].Value) - 1, output);
    }
}
