using System.Net;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Evidence;
using EUeConformance.Tests.Network.Simulation;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network.Evidence;

/// <summary>The scenario directory's capture.pcap and events.jsonl, written as the scenario runs.</summary>
public class EvidenceRecorderTests
{
    [Fact]
    public async Task The_recorder_writes_every_carried_frame_and_every_event_of_the_scenario()
    {
        string directory = Repo.TempDir();
        await using (var bench = await SimulationBench.StartAsync())
        {
            var log = new EvidenceLog(bench.Fabric);
            using var recorder = new EvidenceRecorder(bench.Fabric, log, directory);
            var socket = bench.Server.OpenUdp(new IPEndPoint(IPAddress.Any, 6767));
            socket.Received = d => log.Publish(new EvidenceDraft("ecm-dhcpv4", Direction.Received, socket.LocalEndPoint, d.Source, "dhcp", "DISCOVER",
                new Dictionary<string, string>(), null, null, d.Payload));

            await bench.Fabric.InvokeAsync(() => bench.Client.OpenUdp(new IPEndPoint(IPAddress.Any, 6868)).Send([1, 2, 3], new IPEndPoint(SimulationBench.ServerAddress, 6767)));
            await bench.Idle(TimeSpan.FromSeconds(1));
        }

        var lines = File.ReadAllLines(Path.Combine(directory, EvidenceRecorder.EventsFile));
        lines.Should().ContainSingle().Which.Should().Contain("\"kind\":\"DISCOVER\"").And.Contain("\"raw\":\"010203\"");
        Tshark.Fields(Path.Combine(directory, EvidenceRecorder.CaptureFile), "ip.src", "udp.dstport", "data.data").Single()
            .Should().Equal("192.0.2.2", "6767", "010203");
    }
}
