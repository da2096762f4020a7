using System.Net;
using System.Net.NetworkInformation;
using System.Text;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Simulation;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Tests.Network.Support;
using EUeConformance.Tests.Protocols.Dhcp6;
using Dhcp4Samples = EUeConformance.Tests.Protocols.Dhcp4.Samples;

namespace EUeConformance.Tests.Network.Simulation;

/// <summary>
/// A provisioning-shaped exchange on the simulation, with its evidence recorded: a device that
/// broadcasts a DHCPv4 DISCOVER (retransmitted until answered), solicits a router, configures an
/// IPv6 address through DAD, multicasts a DHCPv6 SOLICIT, and fetches a file over TCP; a headend
/// that answers each, and both publishing what they exchange. The determinism and tshark tests run it.
/// The messages are the codec samples of tests/Protocols, so Wireshark dissects real DHCP.
/// </summary>
public static class SampleProvisioningRun
{
    static readonly IPAddress HeadendV4 = IPAddress.Parse("10.1.0.1");
    static readonly IPAddress HeadendV6 = IPAddress.Parse("2001:db8:1::1");
    static readonly IPAddress DeviceV6 = IPAddress.Parse("2001:db8:1::100");
    static readonly IPAddress DhcpServersGroup = IPAddress.Parse("ff02::1:2");

    /// <summary>Loss, duplication, reordering, delay and jitter at once: the impairments draw from the seed.</summary>
    public static readonly LinkImpairments Rough = new()
    {
        LossProbability = 0.2,
        DuplicationProbability = 0.1,
        ReorderProbability = 0.1,
        Delay = TimeSpan.FromMilliseconds(5),
        Jitter = TimeSpan.FromMilliseconds(3),
    };

    /// <summary>Runs the exchange and writes capture.pcap and events.jsonl into <paramref name="directory"/>; true when the device got through every step.</summary>
    public static async Task<bool> RunAsync(int seed, string directory, LinkImpairments impairments)
    {
        await using var fabric = new SimulationFabric(seed);
        var log = new EvidenceLog(fabric);
        using var recorder = new EvidenceRecorder(fabric, log, directory);
        var link = fabric.CreateLink("cm-lan");
        var headend = await fabric.AddHostAsync(link, new HostOptions("headend", PhysicalAddress.Parse("02-00-00-00-00-01"),
            [new InterfaceAddress(HeadendV4, 24), new InterfaceAddress(HeadendV6, 64)]));
        var device = await fabric.AddHostAsync(link, new HostOptions("device", PhysicalAddress.Parse("00-10-95-00-00-01"), []));
        link.Impairments = impairments;

        await fabric.InvokeAsync("headend", () => { StartHeadend(headend, log); return Task.CompletedTask; });
        bool completed = false;
        var script = fabric.InvokeAsync("device", async () => completed = await RunDeviceAsync(fabric, device, log));
        await fabric.RunUntilAsync(script, TimeSpan.FromMinutes(5));
        // Let what is still on the wire (the TCP close) arrive, so the capture ends cleanly.
        await fabric.RunUntilAsync(new TaskCompletionSource().Task, TimeSpan.FromSeconds(1));
        return completed;
    }

    static void StartHeadend(INetworkHost headend, EvidenceLog log)
    {
        var dhcp4 = headend.OpenUdp(new IPEndPoint(IPAddress.Any, 67));
        dhcp4.Received = d =>
        {
            Publish(log, "ecm-dhcpv4", Direction.Received, dhcp4.LocalEndPoint, d.Source, "dhcp", "DISCOVER", d.Payload);
            var offer = Dhcp4Samples.EcmReply(DhcpMessageType.Offer).Encode();
            var to = new IPEndPoint(IPAddress.Broadcast, 68);
            dhcp4.Send(offer, to);
            Publish(log, "ecm-dhcpv4", Direction.Sent, dhcp4.LocalEndPoint, to, "dhcp", "OFFER", offer);
        };

        var dhcp6 = headend.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 547));
        dhcp6.JoinMulticast(DhcpServersGroup);
        dhcp6.Received = d =>
        {
            Publish(log, "eue-dhcpv6", Direction.Received, dhcp6.LocalEndPoint, d.Source, "dhcpv6", "SOLICIT", d.Payload);
            var advertise = Dhcp6Samples.Advertise().Encode();
            dhcp6.Send(advertise, d.Source);
            Publish(log, "eue-dhcpv6", Direction.Sent, dhcp6.LocalEndPoint, d.Source, "dhcpv6", "ADVERTISE", advertise);
        };

        headend.NeighborDiscovery.RouterSolicitationReceived = from => headend.NeighborDiscovery.SendRouterAdvertisement(
            new RouterAdvertisement(Managed: true, Other: true, TimeSpan.FromMinutes(30), [new InterfaceAddress(IPAddress.Parse("2001:db8:1::"), 64)]), from);

        headend.ListenTcp(new IPEndPoint(IPAddress.Any, 80), async connection =>
        {
            await using (connection)
            {
                var request = await StreamText.ReadAsync(connection.Stream, Get.Length);
                Publish(log, "config-http", Direction.Received, connection.LocalEndPoint, connection.RemoteEndPoint, "http", "GET", Encoding.ASCII.GetBytes(request));
                await StreamText.WriteAsync(connection.Stream, Ok);
                Publish(log, "config-http", Direction.Sent, connection.LocalEndPoint, connection.RemoteEndPoint, "http", "200", Encoding.ASCII.GetBytes(Ok));
            }
        });
    }

    const string Get = "GET /eue.cfg HTTP/1.1\r\nHost: 10.1.0.1\r\n\r\n";
    const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\ncfg";

    static async Task<bool> RunDeviceAsync(SimulationFabric fabric, INetworkHost device, EvidenceLog log)
    {
        var clock = fabric.Clock;

        // DHCPv4: DISCOVER, retransmitted every 4 s until an OFFER comes (RFC 2131 section 4.1).
        var dhcp4 = device.OpenUdp(new IPEndPoint(IPAddress.Any, 68));
        var offered = new TaskCompletionSource<Datagram>();
        dhcp4.Received = d => offered.TrySetResult(d);
        var discover = Dhcp4Samples.EcmDiscover().Encode();
        for (int attempt = 0; attempt < 5 && !offered.Task.IsCompleted; attempt++)
        {
            dhcp4.Send(discover, new IPEndPoint(IPAddress.Broadcast, 67));
            Publish(log, "device", Direction.Sent, dhcp4.LocalEndPoint, new IPEndPoint(IPAddress.Broadcast, 67), "dhcp", "DISCOVER", discover);
            await Task.WhenAny(offered.Task, Task.Delay(TimeSpan.FromSeconds(4), clock));
        }
        if (!offered.Task.IsCompleted) return false;
        await device.AssignAddressAsync(new InterfaceAddress(IPAddress.Parse("10.1.0.100"), 24));

        // Router discovery: RS every 4 s, at most 3 (RFC 4861 section 10), acting only on the M bit.
        var advertised = new TaskCompletionSource<RouterAdvertisement>();
        device.NeighborDiscovery.RouterAdvertisementReceived = (ra, _) => advertised.TrySetResult(ra);
        for (int attempt = 0; attempt < 3 && !advertised.Task.IsCompleted; attempt++)
        {
            device.NeighborDiscovery.SendRouterSolicitation();
            await Task.WhenAny(advertised.Task, Task.Delay(TimeSpan.FromSeconds(4), clock));
        }
        if (!advertised.Task.IsCompleted || !(await advertised.Task).Managed) return false;

        // DHCPv6: SOLICIT to All_DHCP_Relay_Agents_and_Servers, retransmitted every second.
        var dhcp6 = device.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 546));
        var answered = new TaskCompletionSource<Datagram>();
        dhcp6.Received = d => answered.TrySetResult(d);
        var solicit = Dhcp6Samples.Solicit().Encode();
        for (int attempt = 0; attempt < 5 && !answered.Task.IsCompleted; attempt++)
        {
            dhcp6.Send(solicit, new IPEndPoint(DhcpServersGroup, 547));
            await Task.WhenAny(answered.Task, Task.Delay(TimeSpan.FromSeconds(1), clock));
        }
        if (!answered.Task.IsCompleted) return false;
        if (await device.AssignAddressAsync(new InterfaceAddress(DeviceV6, 64)) != AddressAssignment.Assigned) return false;

        // The configuration file over TCP.
        await using var connection = await device.ConnectTcpAsync(new IPEndPoint(HeadendV4, 80));
        await StreamText.WriteAsync(connection.Stream, Get);
        var response = await StreamText.ReadAsync(connection.Stream, Ok.Length);
        Publish(log, "device", Direction.Received, connection.LocalEndPoint, connection.RemoteEndPoint, "http", "200", Encoding.ASCII.GetBytes(response));
        return response == Ok;
    }

    static void Publish(EvidenceLog log, string service, Direction direction, IPEndPoint local, IPEndPoint peer, string protocol, string kind, ReadOnlyMemory<byte> raw) =>
        log.Publish(new EvidenceDraft(service, direction, local, peer, protocol, kind,
            new Dictionary<string, string> { ["frame.len"] = raw.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) }, null, null, raw));
}
