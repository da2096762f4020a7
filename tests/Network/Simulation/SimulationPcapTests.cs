using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network.Simulation;

/// <summary>ARCHITECTURE.md, Evidence: Wireshark decodes every frame the simulation writes, without a malformed mark or a warning.</summary>
public class SimulationPcapTests
{
    [Fact]
    public async Task Tshark_decodes_a_whole_simulated_provisioning_exchange_without_problems()
    {
        string directory = Repo.TempDir();
        (await SampleProvisioningRun.RunAsync(seed: 3, directory, LinkImpairments.None)).Should().BeTrue();
        string pcap = Path.Combine(directory, EvidenceRecorder.CaptureFile);

        Tshark.Problems(pcap).Should().BeEmpty(Tshark.Verbose(pcap));
        var protocols = Tshark.Fields(pcap, "frame.protocols").Select(r => r[0]).ToList();
        protocols.Should().Contain(p => p.EndsWith(":udp:dhcp")).And.Contain(p => p.EndsWith(":udp:dhcpv6"))
            .And.Contain(p => p.EndsWith(":icmpv6")).And.Contain(p => p.EndsWith(":tcp:http"));
        Tshark.Fields(pcap, "icmpv6.type").Select(r => r[0]).Where(t => t.Length > 0).Distinct()
            .Should().BeEquivalentTo(["133", "134", "135"], "RS, RA and the DAD probes");
    }

    [Fact]
    public async Task Tshark_decodes_a_simulated_exchange_on_an_impaired_link_without_problems()
    {
        string directory = Repo.TempDir();
        await SampleProvisioningRun.RunAsync(seed: 7, directory, SampleProvisioningRun.Rough);
        string pcap = Path.Combine(directory, EvidenceRecorder.CaptureFile);

        // Duplicated UDP frames are legal on a LAN; tshark has no warning for them (only TCP analysis would have).
        Tshark.Problems(pcap).Should().BeEmpty(Tshark.Verbose(pcap));
    }
}
