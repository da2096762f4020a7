using System.Net;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Interface;
using EUeConformance.Network.Loopback;
using EUeConformance.Network.Netns;
using EUeConformance.Network.Simulation;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Time;
using EUeConformance.Tests.Headend.Interop;
using EUeConformance.Tests.Network.Real;
using EUeConformance.Tests.Network.Support;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Fabrics;

/// <summary>
/// The same headend, unchanged, on each of the four fabrics (ARCHITECTURE.md, harness/Network: one
/// interface): a device host's broadcast DISCOVER gets both eUE servers' OFFERs, its multicast SOLICIT
/// both ADVERTISEs, and its unicast DNS and ToD requests their answers, each exchange in the evidence.
/// </summary>
[Collection(nameof(InteropCollection))]
public sealed class HeadendOnEveryFabricTests
{
    public static TheoryData<FabricKind> Kinds => [FabricKind.Simulation, FabricKind.Loopback, FabricKind.Netns, FabricKind.Interface];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task One_headend_serves_a_device_alike_on_every_fabric(FabricKind kind)
    {
        using var lab = kind == FabricKind.Interface ? new VethLab(interfaces: 2) : null;
        IFabric fabric = kind switch
        {
            FabricKind.Simulation => new SimulationFabric(seed: 1),
            FabricKind.Loopback => new LoopbackFabric(),
            FabricKind.Netns => new NetnsFabric(),
            _ => new InterfaceFabric(lab!.Options),
        };
        await using var owned = fabric;
        var log = new EvidenceLog(fabric);
        var link = fabric.CreateLink("access");
        var host = await fabric.AddHostAsync(link, new HostOptions("headend", HeadendMac,
            [new InterfaceAddress(HeadendV4, 24), new InterfaceAddress(SecondServerV4, 24), new InterfaceAddress(HeadendV6, 64)]));
        var device = await fabric.AddHostAsync(link, new HostOptions("device", EueMac, []));
        var headend = await EUeConformance.Headend.Composition.Headend.StartAsync(fabric, host, SampleDatabase(), log);
        await using var servers = headend;
        var patience = TimeSpan.FromSeconds(kind == FabricKind.Simulation ? 60 : 10);

        DatagramInbox offers = null!, advertises = null!;
        await fabric.InvokeAsync(() =>
        {
            var dhcp4 = device.OpenUdp(new IPEndPoint(IPAddress.Any, 68));
            offers = new DatagramInbox(dhcp4);
            dhcp4.Send(EueDiscover().Encode(), new IPEndPoint(IPAddress.Broadcast, 67));
            var dhcp6 = device.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 546));
            advertises = new DatagramInbox(dhcp6);
            dhcp6.Send(EueSolicit().Encode(), new IPEndPoint(IPAddress.Parse("ff02::1:2"), 547));
        });
        (await fabric.RunUntilAsync(Task.WhenAll(offers.Count(2), advertises.Count(2)), patience)).Should().BeTrue();
        offers.Received.Select(d => DhcpMessage.Decode(d.Payload.Span).ServerIdentifier).Should().BeEquivalentTo([HeadendV4, SecondServerV4]);
        advertises.Received.Select(d => Dhcp6Message.Decode(d.Payload.Span).CableLabs!.Cccv6!.PrimaryDssId).Should().BeEquivalentTo([PrimaryDssId, SecondaryDssId]);

        (await fabric.InvokeAsync<AddressAssignment>(() => device.AssignAddressAsync(new InterfaceAddress(EueV4, 24)))).Should().Be(AddressAssignment.Assigned);
        DatagramInbox answers = null!, times = null!;
        await fabric.InvokeAsync(() =>
        {
            var dns = device.OpenUdp(new IPEndPoint(IPAddress.Any, 0));
            answers = new DatagramInbox(dns);
            dns.Send(DnsMessage.Query(3, DnsName.Parse("_kerberos._udp.EXAMPLE.NET"), DnsType.Srv).Encode(), new IPEndPoint(HeadendV4, 53));
            var tod = device.OpenUdp(new IPEndPoint(IPAddress.Any, 0));
            times = new DatagramInbox(tod);
            tod.Send([], new IPEndPoint(HeadendV4, 37));
        });
        (await fabric.RunUntilAsync(Task.WhenAll(answers.First, times.First), patience)).Should().BeTrue();
        DnsMessage.Decode(answers.Received.Single().Payload.Span).Answers.Single().SrvData!.Target.Should().Be(DnsName.Parse("kdc.example.net"));
        TimeProtocolMessage.Decode(times.Received.Single().Payload.Span).ToDateTimeOffset().Should().BeCloseTo(fabric.Clock.GetUtcNow(), TimeSpan.FromSeconds(2));

        var kinds = log.Events.Select(e => (e.Service, e.Direction, e.Kind)).ToList();
        kinds.Should().Contain([("eue-dhcpv4", Direction.Received, "DISCOVER"), ("eue-dhcpv6", Direction.Received, "SOLICIT"),
            ("dns", Direction.Received, "QUERY"), ("dns", Direction.Sent, "RESPONSE"), ("tod", Direction.Sent, "TIME")]);
        kinds.Count(k => k == ("eue-dhcpv4", Direction.Sent, "OFFER")).Should().Be(2);
    }
}
