using System.Text.Json;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Device.Adapters;

/// <summary>
/// The 'process' adapter proven on the netns fabric: the reference E-UE started as its own program
/// (eue-conformance reference-device) on the ports the fabric makes, driven only through the adapter, gets the
/// same verdicts as the reference device in-process on the simulation fabric.
/// </summary>
[Collection(nameof(Headend.Interop.InteropCollection))]
public sealed class ProcessAdapterTests
{
    /// <summary>The scenarios both runs execute: the smoke set of the feature files.</summary>
    const string Selection = "@smoke";

    static string ProcessProfile()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "eue-conformance.dll");
        File.Exists(dll).Should().BeTrue("the tests build the CLI beside them");
        string text = File.ReadAllText(Repo.ReferenceProfile)
            .Replace("adapter: simulated", "adapter: process", StringComparison.Ordinal)
            .Replace("  reset:\n    method: simulated", $$"""
              reset:
                method: simulated
              process:
                command: dotnet
                arguments: ["{{dll}}", "reference-device", "--ecm-interface", "{ecm-interface}", "--ecm-netns", "{ecm-netns}", "--eue-interface", "{eue-interface}", "--eue-netns", "{eue-netns}", "--ecm-mac", "{ecm-mac}", "--eue-mac", "{eue-mac}", "--ecm-provisioning", "{ecm-provisioning}", "--seed", "{seed}"]
            """.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        text.Should().Contain("adapter: process").And.Contain("reference-device");
        string path = Path.Combine(Repo.TempDir(), "reference-as-process.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    static Dictionary<string, string> Verdicts(string reportJson)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(reportJson));
        return doc.RootElement.GetProperty("scenarios").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("verdict").GetString()!);
    }

    [Fact]
    public async Task The_reference_device_as_a_process_on_netns_gets_the_same_verdicts_as_in_process_on_simulation()
    {
        string inProcess = Repo.TempDir(), asProcess = Repo.TempDir();
        var (codeSim, outSim, errSim) = await CliHarness.Run(["run", "--dut", "simulated", "--fabric", "simulation", "--tags", Selection, "--out", inProcess, "--plain"]);
        codeSim.Should().Be(0, outSim + errSim);
        var (codeProc, outProc, errProc) = await CliHarness.Run(["run", "--dut", ProcessProfile(), "--fabric", "netns", "--tags", Selection, "--out", asProcess, "--plain"]);

        var expected = Verdicts(Path.Combine(inProcess, "report.json"));
        var seen = Verdicts(Path.Combine(asProcess, "report.json"));
        expected.Should().NotBeEmpty().And.OnlyContain(v => v.Value == "pass");
        seen.Should().BeEquivalentTo(expected, outProc + errProc);
        codeProc.Should().Be(0);
        // Driven only through the adapter: the device's log came over the program's standard output.
        var log = Directory.GetFiles(asProcess, "events.jsonl", SearchOption.AllDirectories).Select(File.ReadAllText);
        log.Should().Contain(l => l.Contains("\"device.machine\":\"eue\"", StringComparison.Ordinal));
    }
}
