using System.Net;
using EUeConformance.Protocols.Pcap;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols;

/// <summary>The ICMPv6 neighbour discovery frames and ARP requests the simulation puts in its pcaps, judged by tshark.</summary>
public class NeighborDiscoveryFramesTests
{
    static readonly IPAddress DeviceLinkLocal = IPAddress.Parse("fe80::210:95ff:fe00:2");
    static readonly IPAddress RouterLinkLocal = IPAddress.Parse("fe80::ff:fe00:1");

    [Fact]
    public void A_router_solicitation_goes_to_all_routers_with_the_source_MAC_and_a_valid_checksum()
    {
        string pcap = Tshark.PcapOfFrames([NeighborDiscoveryFrames.RouterSolicitation(Tshark.ClientMac, DeviceLinkLocal)]);
        Tshark.Problems(pcap).Should().BeEmpty();
        Tshark.Fields(pcap, "eth.dst", "ipv6.dst", "ipv6.hlim", "icmpv6.type", "icmpv6.checksum.status", "icmpv6.opt.linkaddr").Single()
            .Should().Equal("33:33:00:00:00:02", "ff02::2", "255", "133", "1", "00:10:95:00:00:02");
    }

    [Fact]
    public void A_router_solicitation_from_the_unspecified_address_carries_no_link_layer_option()
    {
        string pcap = Tshark.PcapOfFrames([NeighborDiscoveryFrames.RouterSolicitation(Tshark.ClientMac, IPAddress.IPv6Any)]);
        Tshark.Problems(pcap).Should().BeEmpty();
        Tshark.Fields(pcap, "icmpv6.type", "icmpv6.opt.type").Single().Should().Equal("133", "");
    }

    [Fact]
    public void A_router_advertisement_carries_the_M_and_O_bits_and_its_prefixes()
    {
        var prefix = new NdPrefix(IPAddress.Parse("2001:db8:1::"), 64, OnLink: true, Autonomous: false, TimeSpan.FromDays(30), TimeSpan.FromDays(7));
        var frame = NeighborDiscoveryFrames.RouterAdvertisement(Tshark.ServerMac, null, RouterLinkLocal, IPAddress.Parse("ff02::1"),
            managed: true, other: true, TimeSpan.FromSeconds(1800), [prefix]);
        string pcap = Tshark.PcapOfFrames([frame]);
        Tshark.Problems(pcap).Should().BeEmpty();
        Tshark.Fields(pcap, "icmpv6.type", "icmpv6.checksum.status", "icmpv6.nd.ra.flag.m", "icmpv6.nd.ra.flag.o", "icmpv6.nd.ra.router_lifetime",
                "icmpv6.opt.prefix", "icmpv6.opt.prefix.length", "icmpv6.opt.prefix.flag.l", "icmpv6.opt.prefix.flag.a", "icmpv6.opt.prefix.valid_lifetime")
            .Single().Should().Equal("134", "1", "1", "1", "1800", "2001:db8:1::", "64", "1", "0", "2592000");
    }

    [Fact]
    public void A_duplicate_address_probe_comes_from_the_unspecified_address_to_the_solicited_node_group()
    {
        var target = IPAddress.Parse("2001:db8:1::100");
        var frame = NeighborDiscoveryFrames.NeighborSolicitation(Tshark.ClientMac, IPAddress.IPv6Any, NeighborDiscoveryFrames.SolicitedNodeGroup(target), target);
        string pcap = Tshark.PcapOfFrames([frame]);
        Tshark.Problems(pcap).Should().BeEmpty();
        Tshark.Fields(pcap, "eth.dst", "ipv6.src", "ipv6.dst", "icmpv6.type", "icmpv6.checksum.status", "icmpv6.nd.ns.target_address").Single()
            .Should().Equal("33:33:ff:00:01:00", "::", "ff02::1:ff00:100", "135", "1", "2001:db8:1::100");
    }

    [Fact]
    public void A_defended_address_is_advertised_to_all_nodes_with_override_and_the_target_MAC()
    {
        var target = IPAddress.Parse("2001:db8:1::100");
        var frame = NeighborDiscoveryFrames.NeighborAdvertisement(Tshark.ServerMac, null, target, IPAddress.Parse("ff02::1"), target,
            router: false, solicited: false, @override: true);
        string pcap = Tshark.PcapOfFrames([frame]);
        Tshark.Problems(pcap).Should().BeEmpty();
        Tshark.Fields(pcap, "icmpv6.type", "icmpv6.checksum.status", "icmpv6.nd.na.flag.s", "icmpv6.nd.na.flag.o", "icmpv6.nd.na.target_address", "icmpv6.opt.linkaddr")
            .Single().Should().Equal("136", "1", "0", "1", "2001:db8:1::100", "02:00:00:00:00:01");
    }

    [Fact]
    public void An_ARP_request_asks_who_has_the_target_from_the_broadcast_MAC()
    {
        string pcap = Tshark.PcapOfFrames([Frames.ArpRequest(Tshark.ClientMac, IPAddress.Parse("192.0.2.2"), IPAddress.Parse("192.0.2.99"))]);
        Tshark.Problems(pcap).Should().BeEmpty();
        Tshark.Fields(pcap, "eth.dst", "arp.opcode", "arp.src.proto_ipv4", "arp.dst.proto_ipv4").Single()
            .Should().Equal("ff:ff:ff:ff:ff:ff", "1", "192.0.2.2", "192.0.2.99");
    }
}
